// The diary's IndexedDB module, on fake-indexeddb: an in-memory IndexedDB for node.
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { test } from "node:test";
import assert from "node:assert/strict";

import { exportJson, parseBackup } from "../js/diary/backup.js";
import { addDays, todayKey } from "../js/diary/days.js";
import { diaryRules, newCheckin as newCheckinOf, newExperiment, newTwitchEntry, stopExperiment } from "../js/diary/model.js";
import {
  ConflictError, DB_NAME, DB_VERSION, ExperimentRunningError, InvalidRecordError, OpenTimeoutError, PAGE_SIZE, PlanChangedError, openDiary, requestPersistence,
} from "../js/diary/storage.js";
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
/** The totals of an import's counts, without the counts by kind. */
const totals = ({ by_kind, ...counts }) => counts;
const twitchAt = (iso, changes = {}) => newTwitchEntry({ area: "eyelid", strength: "light", at: at(iso), ...changes }, at(iso));

/** The raw database, to look at its stores and indexes. */
function rawDatabase(indexedDB) {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

test("opening creates version 4: entries and checkins by id, indexed by day (one check-in a day), experiments, and deletions", async () => {
  const { indexedDB, diary } = await freshDiary();
  diary.close();
  const db = await rawDatabase(indexedDB);
  assert.equal(db.name, "twitch-diary");
  assert.equal(db.version, DB_VERSION);
  assert.deepEqual([...db.objectStoreNames], ["checkins", "deleted", "entries", "experiments"]);
  const transaction = db.transaction(["entries", "checkins", "experiments", "deleted"]);
  assert.equal(transaction.objectStore("experiments").keyPath, "id");
  assert.equal(transaction.objectStore("experiments").index("by_start_day").keyPath, "start_day");
  assert.equal(transaction.objectStore("deleted").keyPath, "id");
  const entries = transaction.objectStore("entries");
  const checkins = transaction.objectStore("checkins");
  assert.equal(entries.keyPath, "id");
  assert.equal(checkins.keyPath, "id");
  assert.equal(entries.index("by_day").unique, false);
  assert.equal(checkins.index("by_day").unique, true);
  assert.deepEqual(entries.index("by_day_at").keyPath, ["day", "at"]);
  db.close();
});

test("twitch entries are saved, listed oldest first, edited and deleted", async () => {
  const { diary } = await freshDiary();
  const later = twitchAt("2024-06-10T20:00:00Z");
  const earlier = twitchAt("2024-06-10T08:00:00Z");
  await diary.putEntry(later);
  await diary.putEntry(earlier);
  assert.deepEqual(await diary.listEntries(), [earlier, later]);
  await diary.putEntry({ ...earlier, strength: "constant", updated_at: "2024-06-10T09:00:00.000Z" }, { basedOn: earlier.updated_at });
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
  assert.deepEqual(await diary.readAll(), { entries: [], checkins: [], experiments: [], deleted: [] });
  diary.close();
});

test("a day's check-in is found by day, and a second one for that day replaces it", async () => {
  const { diary } = await freshDiary();
  const first = newCheckin("2024-06-10", { sleep: "under_5h" }, at("2024-06-10T20:00:00Z"));
  await diary.putCheckin(first);
  assert.deepEqual(await diary.getCheckin("2024-06-10"), first);
  assert.equal(await diary.getCheckin("2024-06-11"), null);
  const second = newCheckin("2024-06-10", { sleep: "7_to_8h" }, at("2024-06-10T21:00:00Z"));
  await diary.putCheckin(second, { basedOn: first.updated_at });
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

  assert.deepEqual(totals(await diary.mergeBackup(backup)), { added: 1, updated: 2, unchanged: 0, removed: 0, stay_deleted: 0 });
  const { entries, checkins } = await diary.readAll();
  assert.deepEqual(entries, [fromBackup, edited]);
  assert.deepEqual(checkins, [sameDayCheckin]);
  assert.deepEqual(totals(await diary.mergeBackup(backup)), { added: 0, updated: 0, unchanged: 3, removed: 0, stay_deleted: 0 });
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

test("a backup's record with an answer the content no longer has is written as it is; a form's save is not", async () => {
  const { diary } = await freshDiary();
  const retired = twitchAt("2024-06-09T10:00:00Z", { area: "forearm_inner" }); // a rollback removed the area
  const good = twitchAt("2024-06-10T10:00:00Z");
  await diary.mergeBackup({ entries: [retired, good], checkins: [] });
  assert.deepEqual(await diary.listEntries(), [retired, good]);
  await assert.rejects(() => diary.putEntry(twitchAt("2024-06-11T10:00:00Z", { area: "forearm_inner" })), InvalidRecordError);
  diary.close();
});

test("replaceAll swaps the whole diary at once", async () => {
  const { diary } = await freshDiary();
  await diary.putEntry(twitchAt("2024-06-10T10:00:00Z"));
  const entry = twitchAt("2024-05-01T10:00:00Z");
  const checkin = newCheckin("2024-05-01", {}, at("2024-05-01T20:00:00Z"));
  await diary.replaceAll({ entries: [entry], checkins: [checkin] });
  assert.deepEqual(await diary.readAll(), { entries: [entry], checkins: [checkin], experiments: [], deleted: [] });
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
  assert.deepEqual(totals(await diary.mergeBackup(older)), { added: 0, updated: 0, unchanged: 1, removed: 0, stay_deleted: 1 });
  const { entries, checkins } = await diary.readAll();
  assert.deepEqual([entries, checkins], [[], [checkin]]);
  diary.close();
});

test("a deletion made with the phone's clock 3 days behind still wins over an older backup", async () => {
  const { diary } = await freshDiary();
  const entry = twitchAt("2024-06-10T10:00:00Z"); // logged, and last changed, with the clock right
  await diary.putEntry(entry);
  const older = backupOf(await diary.readAll());
  await diary.deleteEntry(entry.id, at("2024-06-07T10:05:00Z")); // then the clock went 3 days back
  const [note] = (await diary.readAll()).deleted;
  assert.ok(Date.parse(note.deleted_at) >= Date.parse(entry.updated_at), "never dated before the record's last change");
  assert.deepEqual(totals(await diary.mergeBackup(older)), { added: 0, updated: 0, unchanged: 0, removed: 0, stay_deleted: 1 });
  assert.deepEqual((await diary.readAll()).entries, []);
  // A change made after the record's last change, on another phone, still brings it back.
  const changedLater = { ...entry, note: "changed on the other phone", updated_at: "2024-06-10T12:00:00.000Z" };
  await diary.mergeBackup(backupOf({ entries: [changedLater], checkins: [] }));
  assert.deepEqual((await diary.readAll()).entries, [changedLater]);
  diary.close();
});

test("a deletion from a backup removes the record here; deleting the whole diary forgets deletions", async () => {
  const { diary } = await freshDiary();
  const entry = twitchAt("2024-06-10T10:00:00Z");
  await diary.putEntry(entry);
  const full = backupOf(await diary.readAll());
  const gone = { id: entry.id, kind: "entry", deleted_at: "2024-06-12T10:00:00.000Z" };
  assert.equal((await diary.mergeBackup({ entries: [], checkins: [], deleted: [gone] }, { removing: [entry.id] })).removed, 1);
  assert.deepEqual(await diary.readAll(), { entries: [], checkins: [], experiments: [], deleted: [gone] });
  await diary.replaceAll({ entries: [], checkins: [] }); // "Delete the diary": a fresh start
  assert.equal((await diary.mergeBackup(full)).added, 1); // so a backup restores everything in it
  diary.close();
});

test("a version 1 database opens as version 4 with every record kept, check-ins with the experiment's questions unanswered", async () => {
  const indexedDB = new IDBFactory();
  const entry = twitchAt("2024-06-10T10:00:00Z");
  const { twitch_score, plan_kept, ...oldCheckin } = newCheckin("2024-06-10", { sleep: "under_5h" }, at("2024-06-10T20:00:00Z"));
  await new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => { // what version 1 of the app created
      request.result.createObjectStore("entries", { keyPath: "id" }).createIndex("by_day", "day");
      request.result.createObjectStore("checkins", { keyPath: "id" }).createIndex("by_day", "day", { unique: true });
      request.transaction.objectStore("entries").put(entry);
      request.transaction.objectStore("checkins").put(oldCheckin);
    };
    request.onsuccess = () => resolve(request.result.close());
    request.onerror = () => reject(request.error);
  });
  const diary = await openDiary({ rules, indexedDB });
  assert.deepEqual(await diary.readAll(), { entries: [entry], checkins: [{ ...oldCheckin, twitch_score: null, plan_kept: null }],
    experiments: [], deleted: [] });
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

// Issue 11: nothing lost between tabs, nothing removed without a yes, an open that never ends, a list in pages ------

/** Two tabs of the app: two stores open on the same database. */
async function twoTabs() {
  const indexedDB = new IDBFactory();
  return { indexedDB, one: await openDiary({ rules, indexedDB }), other: await openDiary({ rules, indexedDB }) };
}

test("two tabs changing the same twitch: the second save is refused, and the first change is kept", async () => {
  const { one, other } = await twoTabs();
  const entry = twitchAt("2024-06-10T10:00:00Z");
  await one.putEntry(entry);
  const [seenByBoth] = await other.listEntries(); // the other tab opened the form on it
  await one.putEntry({ ...entry, strength: "constant", updated_at: "2024-06-10T11:00:00.000Z" }, { basedOn: seenByBoth.updated_at });
  const stale = { ...seenByBoth, note: "typed in the other tab", updated_at: "2024-06-10T11:05:00.000Z" };
  await assert.rejects(() => other.putEntry(stale, { basedOn: seenByBoth.updated_at }), (error) => {
    assert.ok(error instanceof ConflictError);
    assert.equal(error.current.strength, "constant", "the version stored now, for the screen to offer");
    return true;
  });
  assert.equal((await one.listEntries())[0].strength, "constant");
  await other.putEntry(stale, { basedOn: "2024-06-10T11:00:00.000Z" }); // "Save mine over it": a choice, based on what is there now
  assert.equal((await one.listEntries())[0].note, "typed in the other tab");
  one.close();
  other.close();
});

test("a twitch deleted in one tab does not come back from the other tab's save", async () => {
  const { one, other } = await twoTabs();
  const entry = twitchAt("2024-06-10T10:00:00Z");
  await one.putEntry(entry);
  const [open] = await other.listEntries();
  await one.deleteEntry(entry.id);
  await assert.rejects(() => other.putEntry({ ...open, note: "edited", updated_at: "2024-06-10T12:00:00.000Z" }, { basedOn: open.updated_at }),
    (error) => error instanceof ConflictError && error.current === null);
  assert.deepEqual(await one.listEntries(), []);
  one.close();
  other.close();
});

test("two tabs doing the same day's check-in: a ticked warning sign is not lost", async () => {
  const { one, other } = await twoTabs();
  // Both tabs open the day's check-in with none stored; the first saves a warning sign.
  const first = newCheckin("2024-06-10", { sleep: "under_5h", warning_signs: ["weakness"] }, at("2024-06-10T20:00:00Z"));
  await one.putCheckin(first, { basedOn: null });
  const second = newCheckin("2024-06-10", { sleep: "7_to_8h", warning_signs: [] }, at("2024-06-10T20:01:00Z"));
  await assert.rejects(() => other.putCheckin(second, { basedOn: null }), (error) => {
    assert.ok(error instanceof ConflictError);
    assert.deepEqual(error.current.warning_signs, ["weakness"]);
    return true;
  });
  assert.deepEqual((await one.getCheckin("2024-06-10")).warning_signs, ["weakness"]);
  one.close();
  other.close();
});

test("a new record with the id of a stored one is a conflict too, never a silent overwrite", async () => {
  const { diary } = await freshDiary();
  const entry = twitchAt("2024-06-10T10:00:00Z");
  await diary.putEntry(entry);
  await assert.rejects(() => diary.putEntry({ ...entry, note: "again" }), ConflictError);
  diary.close();
});

test("an import removes nothing the person did not agree to, and writes nothing then", async () => {
  const { diary } = await freshDiary();
  const entry = twitchAt("2024-06-10T10:00:00Z");
  const kept = twitchAt("2024-06-09T10:00:00Z");
  await diary.putEntry(entry);
  await diary.putEntry(kept);
  const added = twitchAt("2024-06-08T10:00:00Z");
  const backup = { entries: [added], checkins: [], deleted: [{ id: entry.id, kind: "entry", deleted_at: "2024-06-12T10:00:00.000Z" }] };

  const plan = await diary.planBackup(backup);
  assert.deepEqual(plan.removing.entries.map(({ id }) => id), [entry.id]);
  assert.equal(plan.counts.added, 1);
  assert.equal((await diary.readAll()).entries.length, 2, "a plan writes nothing");

  await assert.rejects(() => diary.mergeBackup(backup), PlanChangedError);
  assert.deepEqual((await diary.readAll()).entries, [kept, entry], "all or nothing: the new one was not added either");

  const keepingMine = await diary.mergeBackup(backup, { keepHere: true });
  assert.equal(keepingMine.removed, 0);
  assert.deepEqual((await diary.readAll()).entries, [added, kept, entry]);

  assert.equal((await diary.mergeBackup(backup, { removing: [entry.id] })).removed, 1);
  assert.deepEqual((await diary.readAll()).entries, [added, kept]);
  diary.close();
});

test("an import tells how far it has got", async () => {
  const { diary } = await freshDiary();
  const entries = Array.from({ length: 2500 }, (_, n) => twitchAt(new Date(Date.UTC(2024, 0, 1) + n * 3600 * 1000).toISOString()));
  const steps = [];
  await diary.mergeBackup({ entries, checkins: [], deleted: [] }, { onProgress: (step) => steps.push(step) });
  assert.deepEqual(steps, [{ done: 1000, total: 2500 }, { done: 2000, total: 2500 }, { done: 2500, total: 2500 }]);
  diary.close();
});

test("an open that never finishes gives up with an error the screen can word", async () => {
  const never = { open: () => ({}) }; // a request that never succeeds, fails or is blocked
  await assert.rejects(() => openDiary({ rules, indexedDB: never, timeoutMs: 20 }), (error) => {
    assert.ok(error instanceof OpenTimeoutError);
    assert.equal(error.blocked, false);
    return true;
  });
  const blocked = { open: () => { const request = {}; setTimeout(() => request.onblocked?.(), 1); return request; } };
  await assert.rejects(() => openDiary({ rules, indexedDB: blocked, timeoutMs: 20 }), (error) => error.blocked === true);
});

test("the list comes a page at a time, newest day first, a day's check-in before its twitches, nothing twice", async () => {
  const { diary } = await freshDiary();
  const stored = [];
  for (let day = 1; day <= 30; day += 1) {
    const key = `2024-06-${String(day).padStart(2, "0")}`;
    for (const hour of ["08", "12", "18"]) stored.push(twitchAt(`${key}T${hour}:00:00Z`));
    if (day % 3 === 0) await diary.putCheckin(newCheckin(key, {}, at(`${key}T21:00:00Z`)));
  }
  // Two twitches logged at the same moment, on either side of the first page's end (its 50th item).
  stored.push(twitchAt("2024-06-16T08:00:00Z"));
  for (const entry of stored) await diary.putEntry(entry);

  const seen = [];
  let page = await diary.listPage();
  assert.equal(page.items.length, PAGE_SIZE);
  assert.equal(page.twitchesOnDay.get("2024-06-30"), 3);
  assert.equal(page.twitchesOnDay.get("2024-06-16"), 4, "the whole day's count, though the page has part of it");
  seen.push(...page.items);
  const twins = stored.filter((entry) => entry.at === "2024-06-16T08:00:00.000Z").map(({ id }) => id);
  assert.ok(twins.includes(page.items.at(-1).record.id), "the page ends between the twins");
  while (page.next) {
    page = await diary.listPage({ after: page.next });
    seen.push(...page.items);
  }
  const key = ({ kind, record }) => `${kind} ${record.id}`;
  assert.equal(new Set(seen.map(key)).size, seen.length, "nothing twice");
  assert.equal(seen.filter(({ kind }) => kind === "entry").length, stored.length, "every twitch");
  assert.equal(seen.filter(({ kind }) => kind === "checkin").length, 10, "every check-in");
  const order = seen.map(({ kind, record }) => [record.day, kind === "checkin" ? "1" : "0", kind === "entry" ? record.at : ""].join(" "));
  assert.deepEqual(order, [...order].sort().reverse(), "newest day first; its check-in, then twitches newest first");
  diary.close();
});

test("a version 2 database opens as version 3 with the list's index over the twitches it had", async () => {
  const indexedDB = new IDBFactory();
  const entry = twitchAt("2024-06-10T10:00:00Z");
  await new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 2);
    request.onupgradeneeded = () => { // what version 2 of the app created
      request.result.createObjectStore("entries", { keyPath: "id" }).createIndex("by_day", "day");
      request.result.createObjectStore("checkins", { keyPath: "id" }).createIndex("by_day", "day", { unique: true });
      request.result.createObjectStore("deleted", { keyPath: "id" });
      request.transaction.objectStore("entries").put(entry);
    };
    request.onsuccess = () => resolve(request.result.close());
    request.onerror = () => reject(request.error);
  });
  const diary = await openDiary({ rules, indexedDB });
  assert.deepEqual((await diary.listPage()).items, [{ kind: "entry", record: entry }]);
  assert.deepEqual(await diary.lastEntry(), entry);
  assert.deepEqual(await diary.counts(), { entries: 1, checkins: 0 });
  diary.close();
});

test("the days of patterns and the summary are read without the rest of the diary", async () => {
  const { diary } = await freshDiary();
  const first = twitchAt("2024-01-02T10:00:00Z");
  const inside = twitchAt("2024-06-05T10:00:00Z");
  const later = twitchAt("2024-06-20T10:00:00Z");
  for (const entry of [first, inside, later]) await diary.putEntry(entry);
  const old = newCheckin("2024-03-01", {}, at("2024-03-01T20:00:00Z"));
  await diary.putCheckin(old);
  const days = await diary.readDays({ from: "2024-06-01", to: "2024-06-10" });
  assert.deepEqual(days, { entries: [inside], checkins: [], firstEntry: first, latestCheckin: old });
  assert.deepEqual((await diary.readDays({ from: "2023-01-01", to: "2023-12-31" })).firstEntry, null);
  diary.close();
});


// Personal experiments (personal-experiment.md section 11).
const ORDER = ["usual", "change", "change", "usual", "change", "usual", "usual", "change", "usual", "change"];
const experimentFrom = (start_day, kind = "caffeine_stop_after_midday") => newExperiment({ kind, start_day, order: ORDER });

test("an experiment is saved, listed and read back; a hand-made order is refused and nothing is stored", async () => {
  const { diary } = await freshDiary();
  const experiment = experimentFrom(addDays(todayKey(), -3));
  await diary.putExperiment(experiment);
  assert.deepEqual(await diary.listExperiments(), [experiment]);
  assert.deepEqual(await diary.getExperiment(experiment.id), experiment);
  const handMade = { ...experimentFrom(addDays(todayKey(), -40)), order: ["usual", "usual", "usual", "change", "change", "usual", "change", "usual", "change", "change"] };
  await assert.rejects(() => diary.putExperiment(handMade), (error) => {
    assert.ok(error instanceof InvalidRecordError);
    assert.deepEqual(error.problems.map(({ field, code }) => [field, code]), [["order", "not_allowed_order"]]);
    return true;
  });
  assert.deepEqual(await diary.listExperiments(), [experiment]);
  diary.close();
});

test("a save of an experiment changed in another tab is refused (basedOn), as for entries", async () => {
  const { diary } = await freshDiary();
  const experiment = experimentFrom(addDays(todayKey(), -3));
  await diary.putExperiment(experiment);
  const stoppedHere = stopExperiment(experiment, todayKey(), "person", new Date(Date.now() + 1000));
  await diary.putExperiment(stoppedHere, { basedOn: experiment.updated_at });
  const pausedInTheOtherTab = { ...experiment, status: "paused", paused_on: todayKey(), updated_at: new Date(Date.now() + 2000).toISOString() };
  await assert.rejects(() => diary.putExperiment(pausedInTheOtherTab, { basedOn: experiment.updated_at }), (error) => {
    assert.ok(error instanceof ConflictError);
    assert.deepEqual(error.current, stoppedHere);
    return true;
  });
  diary.close();
});

test("only one experiment runs at a time: a second unfinished one is refused, a finished or stopped one is not in the way", async () => {
  const { diary } = await freshDiary();
  const running = experimentFrom(addDays(todayKey(), -3));
  await diary.putExperiment(running);
  await assert.rejects(() => diary.putExperiment(experimentFrom(addDays(todayKey(), 1), "sleep_wind_down")), (error) => {
    assert.ok(error instanceof ExperimentRunningError);
    assert.equal(error.current.id, running.id);
    return true;
  });
  const finishedLongAgo = experimentFrom(addDays(todayKey(), -100), "sleep_wind_down");
  await diary.putExperiment(finishedLongAgo);
  await diary.putExperiment(stopExperiment(running, todayKey(), "person"), { basedOn: running.updated_at });
  await diary.putExperiment(experimentFrom(addDays(todayKey(), 1), "sleep_wind_down"));
  assert.equal((await diary.listExperiments()).length, 3);
  diary.close();
});

test("an import's preview says which unfinished experiment a later one replaces before anything is written", async () => {
  const { diary } = await freshDiary();
  const here = experimentFrom(addDays(todayKey(), -10));
  await diary.putExperiment(here);
  const later = experimentFrom(addDays(todayKey(), -2), "sleep_wind_down");
  const backup = backupOf({ entries: [], checkins: [], experiments: [later] });
  const plan = await diary.planBackup(backup);
  assert.deepEqual(plan.replaced.map((experiment) => [experiment.id, experiment.status, experiment.stop_reason]), [[here.id, "stopped", "replaced"]]);
  assert.equal(plan.by_kind.experiments.replaced, 1);
  assert.deepEqual(await diary.listExperiments(), [here], "the preview writes nothing");
  const counts = await diary.mergeBackup(backup);
  assert.equal(counts.by_kind.experiments.replaced, 1);
  const stored = new Map((await diary.listExperiments()).map((experiment) => [experiment.id, experiment]));
  assert.deepEqual([stored.get(here.id).status, stored.get(here.id).stop_reason, stored.get(later.id).status], ["stopped", "replaced", "running"]);
  diary.close();
});

test("an experiment deleted here stays deleted when an older backup still has it; export and replaceAll keep experiments", async () => {
  const { diary } = await freshDiary();
  const experiment = experimentFrom(addDays(todayKey(), -3));
  await diary.putExperiment(experiment);
  const older = backupOf(await diary.readAll());
  assert.deepEqual(older.experiments, [experiment]);
  await diary.deleteExperiment(experiment.id);
  assert.equal((await diary.readAll()).deleted[0].kind, "experiment");
  assert.equal((await diary.mergeBackup(older)).stay_deleted, 1);
  assert.deepEqual(await diary.listExperiments(), []);
  await diary.replaceAll({ entries: [], checkins: [], experiments: [experiment] });
  assert.deepEqual((await diary.readAll()).experiments, [experiment]);
  diary.close();
});
