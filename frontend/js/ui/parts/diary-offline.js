// The diary offline after a first visit straight to it. The diary's files are not in the first visit's cache
// (its budget); the worker keeps them all once a diary file is asked of it. A diary opened before the worker
// took over this page came from the network instead, so once the worker takes over, ask it for one diary file:
// that brings the whole diary into its cache, and the diary works offline from then on.
// Part of the shell (the app's start calls it); it loads nothing of the diary.

/** The diary's own stylesheet: the diary screens load it, and it is the file asked of a new worker. */
export const DIARY_STYLESHEET = "css/diary.css";

/** Call once at the app's start: when a worker first takes this page over, cache the diary if it was opened. */
export function cacheDiaryOpenedBeforeWorker(container = globalThis.navigator?.serviceWorker) {
  if (!container || container.controller) return; // already under a worker: the diary's files go through it
  container.addEventListener("controllerchange", () => {
    if (document.querySelector(`link[href="${DIARY_STYLESHEET}"]`)) fetch(DIARY_STYLESHEET).catch(() => {});
  }, { once: true });
}
