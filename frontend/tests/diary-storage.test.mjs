// The diary's IndexedDB module, on fake-indexeddb: an in-memory IndexedDB for node.
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { test } from "node:test";
import assert from "node:assert/strict";

import { exportJson, parseBackup } from "../js/diary/backup.js";
import { diaryRules, newCheckin as newCheckinOf, newTwitchEntry } from "../js/diary/model.js";
import { DB_NAME, DB_VERSION, InvalidRecordError, openDiary, requestPersistence } from "../js/diary/storage.js";
import { loadContent } from "./content-fixture.mjs";

process.env.TZ = "Europe/London";

const rules = diaryRules(loadContent());
const newCheckin = (...args) => newCheckinOf(rules, ...args);
const backupOf = (diary) => parseBackup(rules, exportJson(diary));

/** A diary in a fresh, empty IndexedDB of its own. */
async function freshDiary() {
  const indexedDB = new IDBFactory();
  return { indexedDB, diary: await openDiary({ rules, indexedDB }) };
}

const at = (iso) => new Date(iso);
const twitchAt = (iso, changes = {}) => newTwitchEntry({ area: "eyelid", strength: "light", at: at(iso), ...changes }, at(iso));

/** The raw database, to look at its stores and indexes. */
function rawDatabase(indexedDB) {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

test("opening creates version 2: entries and checkins by id, indexed by day (one check-in a day), and deletions", async () => {
  const { indexedDB, diary } = await freshDiary();
  diary.close();
  const db = await rawDatabase(indexedDB);
  assert.equal(db.name, "twitch-diary");
  assert.equal(db.version, DB_VERSION);
  assert.deepEqual([...db.objectStoreNames], ["checkins", "deleted", "entries"]);
  const transaction = db.transaction(["entries", "checkins", "deleted"]);
  assert.equal(transaction.objectStore("deleted").keyPath, "id");
  const entries = transaction.objectStore("entries");
  const checkins = transaction.objectStore("checkins");
  assert.equal(entries.keyPath, "id");
  assert.equal(checkins.keyPath, "id");
  assert.equal(entries.index("by_day").unique, false);
  assert.equal(checkins.index("by_day").unique, true);
  db.close();
});

test("twitch entries are saved, listed oldest first, edited and deleted", async () => {
  const { diary } = await freshDiary();
  const later = twitchAt("2024-06-10T20:00:00Z");
  const earlier = twitchAt("2024-06-10T08:00:00Z");
  await diary.putEntry(later);
  await diary.putEntry(earlier);
  assert.deepEqual(await diary.listEntries(), [earlier, later]);
  await diary.putEntry({ ...earlier, strength: "constant", updated_at: "2024-06-10T09:00:00.000Z" });
  assert.equal((await diary.listEntries())[0].strength, "constant");
  await diary.deleteEntry(earlier.id);
  await diary.deleteEntry("not-stored");
  assert.deepEqual(await diary.listEntries(), [later]);
  diary.close();
});

test("entries can be listed for a range of days", async () => {
  const { diary } = await freshDiary();
  const days = ["2024-06-08", "2024-06-09", "2024-06-10", "2024-06-11"];
  for (const day of days) await diary.putEntry(twitchAt(`${day}T10:00:00Z`));
  assert.deepEqual((await diary.listEntries({ from: "2024-06-09", to: "2024-06-10" })).map(({ day }) => day), ["2024-06-09", "2024-06-10"]);
  assert.deepEqual((await diary.listEntries({ from: "2024-06-10" })).map(({ day }) => day), ["2024-06-10", "2024-06-11"]);
  diary.close();
});

test("an invalid record is refused and nothing is stored", async () => {
  const { diary } = await freshDiary();
  await assert.rejects(() => diary.putEntry({ ...twitchAt("2024-06-10T10:00:00Z"), area: "knee" }), (error) => {
    assert.ok(error instanceof InvalidRecordError);
    assert.deepEqual(error.problems.map(({ field, code }) => [field, code]), [["area", "not_one_of"]]);
    assert.match(error.message, /area not_one_of/);
    return true;
  });
  await assert.rejects(() => diary.putCheckin({ day: "2024-06-10" }), InvalidRecordError);
  assert.deepEqual(await diary.readAll(), { entries: [], checkins: [], deleted: [] });
  diary.close();
});

test("a day's check-in is found by day, and a second one for that day replaces it", async () => {
  const { diary } = await freshDiary();
  const first = newCheckin("2024-06-10", { sleep: "under_5h" }, at("2024-06-10T20:00:00Z"));
  await diary.putCheckin(first);
  assert.deepEqual(await diary.getCheckin("2024-06-10"), first);
  assert.equal(await diary.getCheckin("2024-06-11"), null);
  const second = newCheckin("2024-06-10", { sleep: "7_to_8h" }, at("2024-06-10T21:00:00Z"));
  await diary.putCheckin(second);
  assert.deepEqual(await diary.listCheckins(), [second]);
  await diary.putCheckin(newCheckin("2024-06-09", {}, at("2024-06-09T21:00:00Z")));
  assert.deepEqual((await diary.listCheckins()).map(({ day }) => day), ["2024-06-09", "2024-06-10"]);
  diary.close();
});

test("the diary is still there after the app is closed and opened again", async () => {
  const { indexedDB, diary } = await freshDiary();
  const entry = twitchAt("2024-06-10T10:00:00Z");
  await diary.putEntry(entry);
  diary.close();
  const reopened = await openDiary({ rules, indexedDB });
  assert.deepEqual(await reopened.listEntries(), [entry]);
  reopened.close();
});

test("a backup merges in one transaction and counts what changed", async () => {
  const { diary } = await freshDiary();
  const stored = twitchAt("2024-06-10T10:00:00Z");
  await diary.putEntry(stored);
  const storedCheckin = newCheckin("2024-06-10", { sleep: "under_5h" }, at("2024-06-10T20:00:00Z"));
  await diary.putCheckin(storedCheckin);

  const fromBackup = twitchAt("2024-06-09T10:00:00Z");
  const edited = { ...stored, note: "edited on the other phone", updated_at: "2024-06-11T10:00:00.000Z" };
  const sameDayCheckin = newCheckin("2024-06-10", { sleep: "over_8h" }, at("2024-06-11T08:00:00Z"));
  const backup = backupOf({ entries: [fromBackup, edited], checkins: [sameDayCheckin] });

  assert.deepEqual(await diary.mergeBackup(backup), { added: 1, updated: 2, unchanged: 0, deleted: 0 });
  const { entries, checkins } = await diary.readAll();
  assert.deepEqual(entries, [fromBackup, edited]);
  assert.deepEqual(checkins, [sameDayCheckin]);
  assert.deepEqual(await diary.mergeBackup(backup), { added: 0, updated: 0, unchanged: 3, deleted: 0 });
  diary.close();
});

test("a backup with a bad record is refused before anything is written", async () => {
  const { diary } = await freshDiary();
  const stored = twitchAt("2024-06-10T10:00:00Z");
  await diary.putEntry(stored);
  const good = twitchAt("2024-06-09T10:00:00Z");
  await assert.rejects(() => diary.mergeBackup({ entries: [good, { ...good, id: "x" }], checkins: [] }), InvalidRecordError);
  assert.deepEqual(await diary.listEntries(), [stored]);
  diary.close();
});

test("replaceAll swaps the whole diary at once", async () => {
  const { diary } = await freshDiary();
  await diary.putEntry(twitchAt("2024-06-10T10:00:00Z"));
  const entry = twitchAt("2024-05-01T10:00:00Z");
  const checkin = newCheckin("2024-05-01", {}, at("2024-05-01T20:00:00Z"));
  await diary.replaceAll({ entries: [entry], checkins: [checkin] });
  assert.deepEqual(await diary.readAll(), { entries: [entry], checkins: [checkin], deleted: [] });
  diary.close();
});

test("deleting notes the deletion, so an older backup does not bring the record back", async () => {
  const { diary } = await freshDiary();
  const entry = twitchAt("2024-06-10T10:00:00Z");
  const checkin = newCheckin("2024-06-10", { sleep: "under_5h" }, at("2024-06-10T20:00:00Z"));
  await diary.putEntry(entry);
  await diary.putCheckin(checkin);
  const older = backupOf(await diary.readAll());
  await diary.deleteEntry(entry.id, at("2024-06-11T08:00:00Z"));
  assert.deepEqual((await diary.readAll()).deleted, [{ id: entry.id, kind: "entry", deleted_at: "2024-06-11T08:00:00.000Z" }]);
  assert.deepEqual(await diary.mergeBackup(older), { added: 0, updated: 0, unchanged: 1, deleted: 1 });
  const { entries, checkins } = await diary.readAll();
  assert.deepEqual([entries, checkins], [[], [checkin]]);
  diary.close();
});

test("a deletion from a backup removes the record here; deleting the whole diary forgets deletions", async () => {
  const { diary } = await freshDiary();
  const entry = twitchAt("2024-06-10T10:00:00Z");
  await diary.putEntry(entry);
  const full = backupOf(await diary.readAll());
  const gone = { id: entry.id, kind: "entry", deleted_at: "2024-06-12T10:00:00.000Z" };
  assert.equal((await diary.mergeBackup({ entries: [], checkins: [], deleted: [gone] })).deleted, 1);
  assert.deepEqual(await diary.readAll(), { entries: [], checkins: [], deleted: [gone] });
  await diary.replaceAll({ entries: [], checkins: [] }); // "Delete the diary": a fresh start
  assert.equal((await diary.mergeBackup(full)).added, 1); // so a backup restores everything in it
  diary.close();
});

test("a version 1 database opens as version 2 with every record kept", async () => {
  const indexedDB = new IDBFactory();
  const entry = twitchAt("2024-06-10T10:00:00Z");
  await new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => { // what version 1 of the app created
      request.result.createObjectStore("entries", { keyPath: "id" }).createIndex("by_day", "day");
      request.result.createObjectStore("checkins", { keyPath: "id" }).createIndex("by_day", "day", { unique: true });
      request.transaction.objectStore("entries").put(entry);
    };
    request.onsuccess = () => resolve(request.result.close());
    request.onerror = () => reject(request.error);
  });
  const diary = await openDiary({ rules, indexedDB });
  assert.deepEqual(await diary.readAll(), { entries: [entry], checkins: [], deleted: [] });
  await diary.deleteEntry(entry.id);
  assert.equal((await diary.readAll()).deleted.length, 1);
  diary.close();
});

test("a failed write inside a transaction leaves nothing half done", async () => {
  const { diary } = await freshDiary();
  const keep = twitchAt("2024-06-10T10:00:00Z");
  await diary.putEntry(keep);
  const checkin = newCheckin("2024-06-10", {}, at("2024-06-10T20:00:00Z"));
  // Two check-ins for one day break the unique index mid-transaction; the clear must be undone.
  const twin = { ...newCheckin("2024-06-10", {}, at("2024-06-10T21:00:00Z")) };
  await assert.rejects(() => diary.replaceAll({ entries: [], checkins: [checkin, twin] }));
  assert.deepEqual(await diary.listEntries(), [keep]);
  diary.close();
});

test("without IndexedDB, opening says so", async () => {
  await assert.rejects(() => openDiary({ rules, indexedDB: null }), /cannot store the diary/);
});

test("the store needs the diary's rules to check what it writes", () => {
  assert.throws(() => openDiary({ indexedDB: new IDBFactory() }), /rules/);
});

test("asking to keep the diary uses the browser's persistent storage when there is one", async () => {
  assert.equal(await requestPersistence(undefined), false);
  assert.equal(await requestPersistence({ persisted: async () => true, persist: async () => assert.fail("already kept") }), true);
  assert.equal(await requestPersistence({ persisted: async () => false, persist: async () => true }), true);
});
