// The diary's one storage module: IndexedDB on this device, nothing sent anywhere.
// IndexedDB is apart from the service worker's caches, so clearing or replacing
// those on an app update leaves the diary as it was. Records are checked before
// they are written, against the diary's rules (diaryRules of the content), so
// nothing invalid is ever stored.
import { mergeBackup as mergeDiaries } from "./backup.js";
import { byDay, byTime, newDeletion, validateCheckin, validateDeletion, validateTwitchEntry } from "./model.js";

export const DB_NAME = "twitch-diary";
export const DB_VERSION = 2;

/**
 * Migrations by the version they create; opening runs every one above the
 * stored version, in order, inside the upgrade transaction. Never edit a
 * shipped one: add the next version instead.
 */
const MIGRATIONS = Object.freeze({
  1(db) {
    const entries = db.createObjectStore("entries", { keyPath: "id" });
    entries.createIndex("by_day", "day");
    const checkins = db.createObjectStore("checkins", { keyPath: "id" });
    // One check-in a day.
    checkins.createIndex("by_day", "day", { unique: true });
  },
  2(db) {
    // What was deleted and when, so an older backup cannot bring it back.
    db.createObjectStore("deleted", { keyPath: "id" });
  },
});
const STORES = Object.freeze(["entries", "checkins", "deleted"]);

/** A record that may not be stored (a bug, never the person's doing); `problems` are the model's [{field, code, values}]. */
export class InvalidRecordError extends Error {
  constructor(kind, problems) {
    super(`${kind}: ${problems.map(({ field, code }) => `${field} ${code}`).join("; ")}`);
    this.name = "InvalidRecordError";
    this.problems = problems;
  }
}

/** The result of an IndexedDB request as a promise. */
function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** A promise that settles when the transaction commits or fails. */
function committed(transaction) {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error("The diary could not be saved."));
  });
}

// Called inside async functions, so a refused record is a rejected promise, not a throw.
function checked(kind, record, validate) {
  const problems = validate(record);
  if (problems.length) throw new InvalidRecordError(kind, problems);
  return record;
}

/** Runs `work(stores)` in one transaction and resolves with its result once committed. */
async function inTransaction(db, mode, work) {
  const transaction = db.transaction(STORES, mode);
  const whenCommitted = committed(transaction);
  // Handled below or by the await; this stops an early abort from counting as unhandled.
  whenCommitted.catch(() => {});
  try {
    const result = await work(Object.fromEntries(STORES.map((name) => [name, transaction.objectStore(name)])));
    await whenCommitted;
    return result;
  } catch (error) {
    // A failure in `work` must not leave half a change behind.
    try {
      transaction.abort();
    } catch {
      // Already finished or aborted: nothing to undo.
    }
    throw error;
  }
}

/** Deletes a day's stored check-in if it has another id, so `checkin` can take that day. */
async function freeDay(checkins, checkin) {
  const stored = await done(checkins.index("by_day").get(checkin.day));
  if (stored && stored.id !== checkin.id) await done(checkins.delete(stored.id));
}

/** The diary's store: small async functions over one open database, checking records against `rules`. */
function diaryStore(db, rules) {
  const checkEntry = (entry) => checked("entry", entry, (record) => validateTwitchEntry(rules, record));
  const checkCheckin = (checkin) => checked("checkin", checkin, (record) => validateCheckin(rules, record));
  const checkDeletion = (deletion) => checked("deletion", deletion, validateDeletion);
  const readAll = () =>
    inTransaction(db, "readonly", async ({ entries, checkins, deleted }) => ({
      entries: (await done(entries.getAll())).sort(byTime),
      checkins: (await done(checkins.getAll())).sort(byDay),
      deleted: await done(deleted.getAll()),
    }));
  // Deleting keeps a note of it in the same transaction: no record can go without its note.
  const remove = (kind, storeName) => (id, now = new Date()) =>
    inTransaction(db, "readwrite", async (stores) => {
      await done(stores[storeName].delete(id));
      await done(stores.deleted.put(newDeletion(id, kind, now)));
    });

  return {
    /** Twitch entries, oldest first; only days from `from` to `to` (day keys) when given. */
    listEntries: ({ from, to } = {}) =>
      inTransaction(db, "readonly", async ({ entries }) => {
        const range = from || to ? IDBKeyRange.bound(from ?? "0000-01-01", to ?? "9999-12-31") : undefined;
        return (await done(entries.index("by_day").getAll(range))).sort(byTime);
      }),
    /** Saves a new or edited twitch entry. */
    putEntry: async (entry) => {
      checkEntry(entry);
      return inTransaction(db, "readwrite", async ({ entries }) => void (await done(entries.put(entry))));
    },
    /** Deletes a twitch entry by id (no error if it is already gone), and notes the deletion. */
    deleteEntry: remove("entry", "entries"),
    /** Daily check-ins, oldest day first. */
    listCheckins: () => inTransaction(db, "readonly", async ({ checkins }) => (await done(checkins.getAll())).sort(byDay)),
    /** The check-in of a day, or null. */
    getCheckin: (day) => inTransaction(db, "readonly", async ({ checkins }) => (await done(checkins.index("by_day").get(day))) ?? null),
    /** Saves a day's check-in; it replaces any other check-in stored for that day. */
    putCheckin: async (checkin) => {
      checkCheckin(checkin);
      return inTransaction(db, "readwrite", async ({ checkins }) => {
        await freeDay(checkins, checkin);
        await done(checkins.put(checkin));
      });
    },
    /** Everything stored, in one consistent read: {entries, checkins}, for export and statistics. */
    readAll,
    /** Replaces the whole diary, deletion notes included, with a checked backup, all or nothing. */
    replaceAll: async ({ entries, checkins, deleted = [] }) => {
      entries.forEach(checkEntry);
      checkins.forEach(checkCheckin);
      deleted.forEach(checkDeletion);
      return inTransaction(db, "readwrite", async (stores) => {
        await Promise.all(STORES.map((name) => done(stores[name].clear())));
        await Promise.all([...entries.map((entry) => done(stores.entries.put(entry))), ...checkins.map((checkin) => done(stores.checkins.put(checkin))),
          ...deleted.map((deletion) => done(stores.deleted.put(deletion)))]);
      });
    },
    /** Merges a checked backup (parseBackup) into the diary in one transaction; resolves with {added, updated, unchanged}. */
    mergeBackup: async (backup) => {
      backup.entries.forEach(checkEntry);
      backup.checkins.forEach(checkCheckin);
      (backup.deleted ?? []).forEach(checkDeletion);
      return inTransaction(db, "readwrite", async (stores) => {
        const current = {
          entries: await done(stores.entries.getAll()),
          checkins: await done(stores.checkins.getAll()),
          deleted: await done(stores.deleted.getAll()),
        };
        const merged = mergeDiaries(current, backup);
        // Deletes first, so a replacing check-in never meets the one-a-day index.
        await Promise.all([
          ...merged.remove.entries.map((id) => done(stores.entries.delete(id))),
          ...merged.remove.checkins.map((id) => done(stores.checkins.delete(id))),
        ]);
        await Promise.all(STORES.flatMap((name) => merged.put[name].map((record) => done(stores[name].put(record)))));
        return merged.counts;
      });
    },
    /** Closes the database. */
    close: () => db.close(),
  };
}

/** Opens (and creates or migrates) the diary database; resolves with its store, which checks records against `rules`. */
export function openDiary({ rules, indexedDB = globalThis.indexedDB, name = DB_NAME } = {}) {
  if (!rules) throw new Error("openDiary needs the diary's rules: diaryRules(content)");
  if (!indexedDB) return Promise.reject(new Error("This browser cannot store the diary (no IndexedDB)."));
  const request = indexedDB.open(name, DB_VERSION);
  request.onupgradeneeded = (event) => {
    for (let version = event.oldVersion + 1; version <= DB_VERSION; version += 1) {
      MIGRATIONS[version](request.result, request.transaction);
    }
  };
  request.onblocked = () => {
    // Another tab holds an older version open; it closes on versionchange below, then this open goes on.
  };
  return done(request).then((db) => {
    // Let a newer version of the app in another tab upgrade the database.
    db.onversionchange = () => db.close();
    return diaryStore(db, rules);
  });
}

/** Asks the browser for persistent storage, so that it keeps the diary when space runs low; resolves true if it will. */
export async function requestPersistence(storage = globalThis.navigator?.storage) {
  if (!storage?.persist) return false;
  return (await storage.persisted?.()) || storage.persist();
}
