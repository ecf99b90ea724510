// Saving to the diary, with feedback: the store (opened once per page), a save that says when it failed
// without losing what was typed, and the one-time message ("Twitch saved") the next screen shows.
import { diaryRules } from "../diary/model.js";
import { openDiary, requestPersistence } from "../diary/storage.js";
import { t } from "../words.js";
import { h } from "./dom.js";

let opening = null;

/** The diary's store, checking records against this content's rules; opened once per page, tried again after a failure. */
export function diaryStore(content) {
  opening ??= openDiary({ rules: diaryRules(content) }).catch((error) => {
    opening = null;
    throw error;
  });
  return opening;
}

/** Write one record; on failure say so in `problem` and return false, so nothing typed is lost from the form. */
export async function saveRecord(write, what, problem) {
  try {
    await write();
  } catch (error) {
    console.warn(`The ${what} could not be saved:`, error);
    problem.append(t("diary.not_saved"));
    return false;
  }
  // After a save: ask the browser not to clear the diary when space runs low (it may say no).
  requestPersistence().catch(() => {});
  return true;
}

// A message for the next diary screen, such as "Twitch saved", shown once.
let flash = null;

export function setFlash(message) {
  flash = message;
}

/** The waiting message as a status line, or null. */
export function takeFlash() {
  const message = flash;
  flash = null;
  return message ? h("p", { class: "diary-flash", role: "status" }, message) : null;
}
