// Saving to the diary, with feedback: the store (opened once per page), a save that says when it failed
// without losing what was typed, drafts that keep unsaved input through a reload (an app update), the browser's
// answer about keeping the diary (told once), and the one-time message ("Twitch saved") the next screen shows.
import { locale } from "../../language.js";
import { diaryRules } from "../../diary/model.js";
import { ConflictError, DiaryFullError, openDiary, requestPersistence } from "../../diary/storage.js";
import * as device from "../../store.js";
import { t } from "../../words.js";
import { h } from "./dom.js";
import { withElements } from "./diary-format.js";

let opening = null;

/** The diary's store, checking records against this content's rules; opened once per page, tried again after a failure. */
export function diaryStore(content) {
  opening ??= openDiary({ rules: diaryRules(content) }).catch((error) => {
    opening = null;
    throw error;
  });
  return opening;
}

/** Draws the current screen again, as the app does on a change of address (a form after its draft is dropped). */
export function redraw() {
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}

/** Why a write failed, in words that say what was typed is kept and what to do. */
export function notSavedText(error) {
  if (error instanceof DiaryFullError) return t("diary.full", { max: error.max.toLocaleString(locale()) });
  if (error?.name === "QuotaExceededError") return t("diary.storage_full");
  return t("diary.not_saved");
}

/**
 * Write one record; on failure say so in `problem` and return false, so nothing typed is lost from the form.
 * A ConflictError (changed or deleted in another tab) goes to `onConflict(current)` instead, which asks.
 */
export async function saveRecord(write, what, problem, { onConflict } = {}) {
  try {
    await write();
  } catch (error) {
    console.warn(`The ${what} could not be saved:`, error);
    if (error instanceof ConflictError && onConflict) onConflict(error.current);
    else problem.append(notSavedText(error));
    return false;
  }
  await afterWrite();
  return true;
}

// Drafts: what a form holds and has not saved, on this device (localStorage), so that a reload does not lose it.
const DRAFT_PREFIX = "diary_draft.";

/** The unsaved input of the form `name` ("log.new", "checkin.2024-06-10"), or null. */
export function draftOf(name) {
  return device.get(DRAFT_PREFIX + name);
}

export function keepDraft(name, value) {
  device.set(DRAFT_PREFIX + name, value);
}

export function dropDraft(name) {
  device.remove(DRAFT_PREFIX + name);
}

/** The line that says a form holds what was typed before and not saved, with a way to start again. */
export function restoredLine(name) {
  return h("div", { class: "diary-restored", role: "status" },
    h("p", {}, t("diary.draft.restored")),
    h("button", { type: "button", class: "secondary", onclick: () => { dropDraft(name); redraw(); } }, t("diary.draft.start_again")));
}

// Whether the browser keeps the diary when space runs low: asked after a write, its answer told once ever.
const STORAGE_TOLD = "diary_storage_told";
// How long a save waits for the browser's answer before the next screen (a browser may ask the person first).
const ANSWER_WAIT_MS = 1000;
let answer = null; // true or false once the browser has answered
let asking = null;

/** Ask the browser to keep the diary (persistent storage), once per page; remembers its answer. */
function askToKeep() {
  asking ??= requestPersistence().catch(() => false).then((kept) => {
    answer = kept;
    return kept;
  });
  return asking;
}

/** After any write (a save, an import): ask to keep the diary, waiting a moment so the next screen can tell the answer. */
export async function afterWrite() {
  let waited;
  await Promise.race([askToKeep(), new Promise((resolve) => { waited = setTimeout(resolve, ANSWER_WAIT_MS); })]);
  clearTimeout(waited);
}

/** The browser's answer in plain words with what to do, the first time it is known; null after that, or before. */
export function storageAnswer() {
  if (answer === null || device.get(STORAGE_TOLD)) return null;
  device.set(STORAGE_TOLD, true);
  const link = h("a", { href: "#/diary/backup" }, t("diary.storage.backup_link"));
  return h("div", { class: "diary-storage", role: "status", "data-storage-answer": answer ? "kept" : "not-kept" },
    h("p", {}, withElements(answer ? t("diary.storage.kept") : t("diary.storage.not_kept"), { backup_link: link })));
}

// A message for the next diary screen, such as "Twitch saved", shown once.
let flash = null;

export function setFlash(message) {
  flash = message;
}

/** The waiting message as a status line, and the browser's answer about keeping the diary when first known; or null. */
export function takeFlash() {
  const message = flash;
  flash = null;
  const told = storageAnswer();
  if (!message && !told) return null;
  return [message && h("p", { class: "diary-flash", role: "status" }, message), told];
}
