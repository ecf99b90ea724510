// The diary's one storage module: IndexedDB on this device, nothing sent anywhere.
// IndexedDB is apart from the service worker's caches, so clearing or replacing
// those on an app update leaves the diary as it was. Records are checked before
// they are written, against the diary's rules (diaryRules of the content), so
// nothing invalid is ever stored (a backup's record may keep an answer the content no longer has).
//
// Nothing is lost between tabs: a save says which stored version it changes (`basedOn`, that version's
// updated_at, or null for a new record), and one that finds another version stored (changed or deleted in another
// tab since the form opened) is refused with a ConflictError, so the screen can ask instead of overwriting.
import { isUnfinished, mergeBackup as mergeDiaries } from "./backup.js";
import { todayKey } from "./days.js";
import {
  DIARY_CAPACITY, byDay, byField, byTime, newDeletion, validateCheckin, validateDeletion, validateExperiment,
  validateTwitchEntry,
} from "./model.js";

export const DB_NAME = "twitch-diary";
export const DB_VERSION = 4;
// An open that has not finished by then is given up on, with a message (an open can hang when another tab holds
// an older version open, or in a broken browser profile); migrating a full diary takes a few seconds at most.
export const OPEN_TIMEOUT_MS = 10 * 1000;
/** How many items (twitches and check-ins) a page of the diary's list holds. */
export const PAGE_SIZE = 50;
// How often a long import tells how far it has got, in records written.
const PROGRESS_STEP = 1000;

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
  3(db, transaction) {
    // The list's order, newest day first and newest first in a day: so a page of it is read without the rest.
    transaction.objectStore("entries").createIndex("by_day_at", ["day", "at"]);
  },
  4(db, transaction) {
    // Personal experiments; stored check-ins gain the experiment's two questions, unanswered.
    db.createObjectStore("experiments", { keyPath: "id" }).createIndex("by_start_day", "start_day");
    const request = transaction.objectStore("checkins").openCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return;
      cursor.update({ ...cursor.value, twitch_score: null, plan_kept: null });
      cursor.continue();
    };
  },
});
const STORES = Object.freeze(["entries", "checkins", "experiments", "deleted"]);

/** A save that would leave two unfinished experiments: `current` is the one already running or paused. */
export class ExperimentRunningError extends Error {
  constructor(current) {
    super("experiment_running");
    this.name = "ExperimentRunningError";
    this.current = current;
  }
}

/** A record that may not be stored (a bug, never the person's doing); `problems` are the model's [{field, code, values}]. */
export class InvalidRecordError extends Error {
  constructor(kind, problems) {
    super(`${kind}: ${problems.map(({ field, code }) => `${field} ${code}`).join("; ")}`);
    this.name = "InvalidRecordError";
    this.problems = problems;
  }
}

/**
 * A save that would overwrite another version than the one it was based on: changed or deleted in another tab
 * or window since the form opened. `current` is the version stored now, or null when it was deleted.
 */
export class ConflictError extends Error {
  constructor(kind, current) {
    super(`${kind}_${current ? "changed" : "deleted"}`); // the words are the screen's
    this.name = "ConflictError";
    this.current = current;
  }
}

/** A new record when the diary already holds DIARY_CAPACITY of its kind. */
export class DiaryFullError extends Error {
  constructor(kind, max) {
    super(`${kind}_full:${max}`);
    this.name = "DiaryFullError";
    this.max = max;
  }
}

/** An import whose removals are not the ones the person agreed to (the diary changed since the preview). */
export class PlanChangedError extends Error {
  constructor() {
    super("plan_changed");
    this.name = "PlanChangedError";
  }
}

/** An open of the database that did not finish in time; `blocked` when another tab held an older version open. */
export class OpenTimeoutError extends Error {
  constructor(blocked, ms) {
    super(`open_timeout:${ms}ms${blocked ? ":blocked" : ""}`);
    this.name = "OpenTimeoutError";
    this.blocked = blocked;
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

/** Drops the oldest deletion notes beyond DIARY_CAPACITY.deleted. */
async function pruneDeletions(deleted) {
  const over = (await done(deleted.count())) - DIARY_CAPACITY.deleted;
  if (over <= 0) return;
  const oldest = (await done(deleted.getAll())).sort(byField("deleted_at")).slice(0, over);
  await Promise.all(oldest.map((deletion) => done(deleted.delete(deletion.id))));
}

/** Refuses a save based on another version than the one stored (see ConflictError). */
function checkVersion(kind, stored, basedOn) {
  if ((stored?.updated_at ?? null) !== basedOn) throw new ConflictError(kind, stored ?? null);
}

/** Up to `count` records from a cursor over `source` in `direction`, skipping those `skip(cursor)` says were seen. */
function readCursor(source, range, direction, count, skip = () => false) {
  return new Promise((resolve, reject) => {
    const records = [];
    const request = source.openCursor(range, direction);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor || records.length >= count) return resolve(records);
      if (!skip(cursor)) records.push(cursor.value);
      return cursor.continue();
    };
  });
}

/** The list's order: newest day first; in a day, its check-in, then twitches newest first. */
function listOrder(a, b) {
  if (a.record.day !== b.record.day) return a.record.day > b.record.day ? -1 : 1;
  if (a.kind !== b.kind) return a.kind === "checkin" ? -1 : 1;
  return 0; // entries keep the cursor's order
}

/** Counts records as their requests succeed, telling `onProgress` every PROGRESS_STEP and at the end. */
function progressCounter(total, onProgress) {
  let written = 0;
  return () => {
    written += 1;
    if (written % PROGRESS_STEP === 0 || written === total) onProgress({ done: written, total });
  };
}

/** The diary's store: small async functions over one open database, checking records against `rules`. */
function diaryStore(db, rules) {
  const checkEntry = (entry) => checked("entry", entry, (record) => validateTwitchEntry(rules, record));
  const checkCheckin = (checkin) => checked("checkin", checkin, (record) => validateCheckin(rules, record));
  const checkDeletion = (deletion) => checked("deletion", deletion, validateDeletion);
  const checkExperiment = (experiment) => checked("experiment", experiment, (record) => validateExperiment(rules, record));
  const checkBackupExperiment = (experiment) => checked("experiment", experiment,
    (record) => validateExperiment(rules, record, new Date(), { keepRetired: true }));
  // A backup's records may hold answers the content no longer has (a rollback removed them): kept as they are.
  const keepRetired = { keepRetired: true };
  const checkBackupEntry = (entry) => checked("entry", entry, (record) => validateTwitchEntry(rules, record, new Date(), keepRetired));
  const checkBackupCheckin = (checkin) => checked("checkin", checkin, (record) => validateCheckin(rules, record, new Date(), keepRetired));
  const readAll = () =>
    inTransaction(db, "readonly", async ({ entries, checkins, experiments, deleted }) => ({
      entries: (await done(entries.getAll())).sort(byTime),
      checkins: (await done(checkins.getAll())).sort(byDay),
      experiments: (await done(experiments.getAll())).sort(byField("start_day")),
      deleted: await done(deleted.getAll()),
    }));
  // Deleting keeps a note of it in the same transaction: no record can go without its note.
  const remove = (kind, storeName) => (id, now = new Date()) =>
    inTransaction(db, "readwrite", async (stores) => {
      const stored = await done(stores[storeName].get(id));
      await done(stores[storeName].delete(id));
      await done(stores.deleted.put(newDeletion(id, kind, now, stored?.updated_at ?? null)));
      await pruneDeletions(stores.deleted);
    });
  /** What a checked backup does to the diary as it is in `stores` (mergeBackup of backup.js). */
  const planOf = async (stores, backup, keepHere) => {
    const current = {
      entries: await done(stores.entries.getAll()),
      checkins: await done(stores.checkins.getAll()),
      experiments: await done(stores.experiments.getAll()),
      deleted: await done(stores.deleted.getAll()),
    };
    return mergeDiaries(current, backup, { keepHere });
  };
  const checkBackup = (backup) => {
    backup.entries.forEach(checkBackupEntry);
    backup.checkins.forEach(checkBackupCheckin);
    (backup.experiments ?? []).forEach(checkBackupExperiment);
    (backup.deleted ?? []).forEach(checkDeletion);
  };

  return {
    /** Twitch entries, oldest first; only days from `from` to `to` (day keys) when given. */
    listEntries: ({ from, to } = {}) =>
      inTransaction(db, "readonly", async ({ entries }) => {
        const range = from || to ? IDBKeyRange.bound(from ?? "0000-01-01", to ?? "9999-12-31") : undefined;
        return (await done(entries.index("by_day").getAll(range))).sort(byTime);
      }),
    /** One twitch entry by id, or null. */
    getEntry: (id) => inTransaction(db, "readonly", async ({ entries }) => (await done(entries.get(id))) ?? null),
    /** The newest twitch entry (latest day, latest time), or null. */
    lastEntry: () => inTransaction(db, "readonly", async ({ entries }) =>
      (await readCursor(entries.index("by_day_at"), undefined, "prev", 1))[0] ?? null),
    /**
     * The days from `from` to `to` (day keys), for patterns and the doctor's summary without reading the rest:
     * {entries, checkins} of those days (oldest first), `firstEntry`: the earliest twitch up to `to`, and
     * `latestCheckin`: the check-in of the latest day up to `to` (null when none).
     */
    readDays: ({ from, to }) => inTransaction(db, "readonly", async ({ entries, checkins }) => {
      const days = IDBKeyRange.bound(from, to);
      // [to, []] is after every [to, time]: an array key sorts after any text.
      const entriesUpTo = IDBKeyRange.upperBound([to, []]);
      return {
        entries: (await done(entries.index("by_day").getAll(days))).sort(byTime),
        checkins: (await done(checkins.index("by_day").getAll(days))).sort(byDay),
        firstEntry: (await readCursor(entries.index("by_day_at"), entriesUpTo, "next", 1))[0] ?? null,
        latestCheckin: (await readCursor(checkins.index("by_day"), IDBKeyRange.upperBound(to), "prev", 1))[0] ?? null,
      };
    }),
    /** How many twitch entries and check-ins are stored: {entries, checkins}. */
    counts: () => inTransaction(db, "readonly", async ({ entries, checkins }) =>
      ({ entries: await done(entries.count()), checkins: await done(checkins.count()) })),
    /**
     * A page of the list, newest day first: {items: [{kind: "entry"|"checkin", record}], twitchesOnDay: Map of
     * each day's twitch count, next: where the next page starts (pass it as `after`), or null at the end}.
     */
    listPage: ({ after = null, limit = PAGE_SIZE } = {}) =>
      inTransaction(db, "readonly", async ({ entries, checkins }) => {
        const last = after?.entry;
        const entryRange = last ? IDBKeyRange.upperBound([last.day, last.at]) : undefined;
        // Entries with the same day and time as the last one shown come in falling id order: skip the ones shown.
        const shown = (cursor) => last && cursor.key[0] === last.day && cursor.key[1] === last.at && cursor.primaryKey >= last.id;
        const checkinRange = after?.checkin ? IDBKeyRange.upperBound(after.checkin, true) : undefined;
        const fetched = [
          ...(await readCursor(entries.index("by_day_at"), entryRange, "prev", limit + 1, shown)).map((record) => ({ kind: "entry", record })),
          ...(await readCursor(checkins.index("by_day"), checkinRange, "prev", limit + 1)).map((record) => ({ kind: "checkin", record })),
        ];
        // A stable sort: entries keep their cursor order within a day.
        const items = fetched.sort(listOrder).slice(0, limit);
        const lastOf = (kind) => items.findLast((item) => item.kind === kind)?.record;
        const lastEntry = lastOf("entry");
        const next = fetched.length > limit ? {
          entry: lastEntry ? { day: lastEntry.day, at: lastEntry.at, id: lastEntry.id } : after?.entry ?? null,
          checkin: lastOf("checkin")?.day ?? after?.checkin ?? null,
        } : null;
        const twitchesOnDay = new Map();
        for (const day of new Set(items.map((item) => item.record.day))) {
          twitchesOnDay.set(day, await done(entries.index("by_day").count(IDBKeyRange.only(day))));
        }
        return { items, twitchesOnDay, next };
      }),
    /**
     * Saves a new or edited twitch entry. `basedOn` is the updated_at of the stored version the change was made
     * to, or null for a new entry; another version stored (or none, when it was deleted) is a ConflictError.
     */
    putEntry: async (entry, { basedOn = null } = {}) => {
      checkEntry(entry);
      return inTransaction(db, "readwrite", async ({ entries }) => {
        const stored = await done(entries.get(entry.id));
        checkVersion("entry", stored, basedOn);
        if (!stored && (await done(entries.count())) >= DIARY_CAPACITY.entries) throw new DiaryFullError("entry", DIARY_CAPACITY.entries);
        await done(entries.put(entry));
      });
    },
    /** Deletes a twitch entry by id (no error if it is already gone), and notes the deletion. */
    deleteEntry: remove("entry", "entries"),
    /** Daily check-ins, oldest day first. */
    listCheckins: () => inTransaction(db, "readonly", async ({ checkins }) => (await done(checkins.getAll())).sort(byDay)),
    /** The check-in of a day, or null. */
    getCheckin: (day) => inTransaction(db, "readonly", async ({ checkins }) => (await done(checkins.index("by_day").get(day))) ?? null),
    /** The latest check-in of a day before `day`, or null. */
    previousCheckin: (day) => inTransaction(db, "readonly", async ({ checkins }) =>
      (await readCursor(checkins.index("by_day"), IDBKeyRange.upperBound(day, true), "prev", 1))[0] ?? null),
    /**
     * Saves a day's check-in; it replaces any other check-in stored for that day. `basedOn` is the updated_at of
     * the day's check-in the change was made to, or null when there was none; another is a ConflictError.
     */
    putCheckin: async (checkin, { basedOn = null } = {}) => {
      checkCheckin(checkin);
      return inTransaction(db, "readwrite", async ({ checkins }) => {
        checkVersion("checkin", await done(checkins.index("by_day").get(checkin.day)), basedOn);
        await freeDay(checkins, checkin);
        await done(checkins.put(checkin));
      });
    },
    /** Personal experiments, earliest start first. */
    listExperiments: () => inTransaction(db, "readonly", async ({ experiments }) =>
      (await done(experiments.index("by_start_day").getAll()))),
    /** One experiment by id, or null. */
    getExperiment: (id) => inTransaction(db, "readonly", async ({ experiments }) => (await done(experiments.get(id))) ?? null),
    /**
     * Saves a new or changed experiment, checked first (a hand-made order is refused). `basedOn` as for entries:
     * another version stored is a ConflictError. An unfinished experiment (running or paused, its plan not ended)
     * while another one is unfinished is an ExperimentRunningError: only one runs at a time.
     */
    putExperiment: async (experiment, { basedOn = null, now = new Date() } = {}) => {
      checkExperiment(experiment);
      return inTransaction(db, "readwrite", async ({ experiments }) => {
        const stored = await done(experiments.get(experiment.id));
        checkVersion("experiment", stored, basedOn);
        if (!stored && (await done(experiments.count())) >= DIARY_CAPACITY.experiments) {
          throw new DiaryFullError("experiment", DIARY_CAPACITY.experiments);
        }
        const today = todayKey(now);
        if (isUnfinished(experiment, today)) {
          const other = (await done(experiments.getAll())).find((record) => record.id !== experiment.id && isUnfinished(record, today));
          if (other) throw new ExperimentRunningError(other);
        }
        await done(experiments.put(experiment));
      });
    },
    /** Deletes an experiment by id, and notes the deletion. */
    deleteExperiment: remove("experiment", "experiments"),
    /** Everything stored, in one consistent read: {entries, checkins, experiments, deleted}, for export and statistics. */
    readAll,
    /** Replaces the whole diary, deletion notes included, with a checked backup, all or nothing. */
    replaceAll: async ({ entries, checkins, experiments = [], deleted = [] }) => {
      entries.forEach(checkBackupEntry);
      checkins.forEach(checkBackupCheckin);
      experiments.forEach(checkBackupExperiment);
      deleted.forEach(checkDeletion);
      return inTransaction(db, "readwrite", async (stores) => {
        await Promise.all(STORES.map((name) => done(stores[name].clear())));
        await Promise.all([...entries.map((entry) => done(stores.entries.put(entry))), ...checkins.map((checkin) => done(stores.checkins.put(checkin))),
          ...experiments.map((experiment) => done(stores.experiments.put(experiment))),
          ...deleted.map((deletion) => done(stores.deleted.put(deletion)))]);
      });
    },
    /**
     * What importing a checked backup (parseBackup) would do, read without writing anything: mergeBackup's
     * {counts, by_kind, removing, replaced, entries, checkins, experiments}, for the person to see before they agree
     * (`replaced`: the unfinished experiments the import would stop, as a later one is unfinished too).
     */
    planBackup: (backup, { keepHere = false } = {}) => inTransaction(db, "readonly", (stores) => planOf(stores, backup, keepHere)),
    /**
     * Merges a checked backup into the diary in one transaction, all or nothing; resolves with the counts of
     * mergeBackup. It removes only records whose ids are in `removing` (the ones the person agreed to remove,
     * from planBackup); another removal, as the diary changed since, is a PlanChangedError and nothing is written.
     * `keepHere` leaves out the backup's deletion notes about records here; `onProgress({done, total})` is told
     * how many records are written.
     */
    mergeBackup: async (backup, { removing = [], keepHere = false, onProgress = () => {} } = {}) => {
      checkBackup(backup);
      const agreed = new Set(removing);
      return inTransaction(db, "readwrite", async (stores) => {
        const merged = await planOf(stores, backup, keepHere);
        const removals = [...merged.removing.entries, ...merged.removing.checkins, ...merged.removing.experiments];
        if (removals.some((record) => !agreed.has(record.id))) throw new PlanChangedError();
        if (merged.entries.length > DIARY_CAPACITY.entries) throw new DiaryFullError("entry", DIARY_CAPACITY.entries);
        if (merged.experiments.length > DIARY_CAPACITY.experiments) throw new DiaryFullError("experiment", DIARY_CAPACITY.experiments);
        const total = STORES.reduce((sum, name) => sum + merged.put[name].length, 0);
        const written = progressCounter(total, onProgress);
        // Deletes first, so a replacing check-in never meets the one-a-day index; requests run in order.
        for (const name of STORES) for (const id of merged.remove[name]) stores[name].delete(id);
        const requests = STORES.flatMap((name) => merged.put[name].map((record) => stores[name].put(record)));
        for (const request of requests) request.addEventListener("success", written);
        return { ...merged.counts, by_kind: merged.by_kind };
      });
    },
    /** Closes the database. */
    close: () => db.close(),
  };
}

/**
 * Opens (and creates or migrates) the diary database; resolves with its store, which checks records against
 * `rules`. An open that has not finished after `timeoutMs` rejects with an OpenTimeoutError (a database that
 * opens later is closed again, so the next try is not blocked by it).
 */
export function openDiary({ rules, indexedDB = globalThis.indexedDB, name = DB_NAME, timeoutMs = OPEN_TIMEOUT_MS } = {}) {
  if (!rules) throw new Error("openDiary needs the diary's rules: diaryRules(content)");
  if (!indexedDB) return Promise.reject(new Error("This browser cannot store the diary (no IndexedDB)."));
  return new Promise((resolve, reject) => {
    let blocked = false;
    let givenUp = false;
    const timer = setTimeout(() => {
      givenUp = true;
      reject(new OpenTimeoutError(blocked, timeoutMs));
    }, timeoutMs);
    const request = indexedDB.open(name, DB_VERSION);
    request.onupgradeneeded = (event) => {
      for (let version = event.oldVersion + 1; version <= DB_VERSION; version += 1) {
        MIGRATIONS[version](request.result, request.transaction);
      }
    };
    request.onblocked = () => {
      // Another tab holds an older version open; it closes on versionchange below, then this open goes on.
      blocked = true;
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(request.error);
    };
    request.onsuccess = () => {
      clearTimeout(timer);
      const db = request.result;
      if (givenUp) return db.close();
      // Let a newer version of the app in another tab upgrade the database.
      db.onversionchange = () => db.close();
      return resolve(diaryStore(db, rules));
    };
  });
}

/** Asks the browser for persistent storage, so that it keeps the diary when space runs low; resolves true if it will. */
export async function requestPersistence(storage = globalThis.navigator?.storage) {
  if (!storage?.persist) return false;
  return (await storage.persisted?.()) || storage.persist();
}
