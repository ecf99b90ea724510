// Offline use: registers the service worker, tells the app when it is ready, and offers a new version of the app
// (the new worker waits until the person chooses to reload, so nothing they are typing is lost).

let reloadAccepted = false;
let hooks = null; // registerWorker's, for registering again
const watched = new WeakSet(); // registrations and workers already watched
const ANSWER_WITHIN_MS = 20000; // the worker may be fetching what is missing first

/** Register the worker; `onReady()` once it controls offline use, `onUpdate(accept)` when a new version waits,
 * `onFailed()` when the first install did not finish (the network went during it): registerAgain() then tries
 * again, as the next launch does. */
export async function registerWorker(callbacks) {
  if (!("serviceWorker" in navigator)) return null;
  hooks = callbacks;
  const container = navigator.serviceWorker;
  container.addEventListener("controllerchange", () => {
    if (reloadAccepted) location.reload();
  });
  container.ready.then(callbacks.onReady);
  return registerAgain();
}

/** Register the worker: after a first install that failed, the browser installs it afresh. */
export async function registerAgain() {
  const container = navigator.serviceWorker;
  const registration = await container.register("sw.js");
  const offer = (worker) => hooks.onUpdate(() => {
    reloadAccepted = true;
    worker.postMessage("skip-waiting");
  });
  const watch = (worker) => {
    if (!worker || watched.has(worker)) return;
    watched.add(worker);
    worker.addEventListener("statechange", () => {
      if (worker.state === "installed" && container.controller) offer(worker);
      if (worker.state === "redundant" && !registration.active) hooks.onFailed();
    });
  };
  if (registration.waiting && container.controller) offer(registration.waiting);
  watch(registration.installing);
  if (!watched.has(registration)) {
    watched.add(registration);
    registration.addEventListener("updatefound", () => watch(registration.installing));
  }
  return registration;
}

/** Whether the app works offline now in `lang`, as the worker finds its caches (it first fetches again whatever
 * is missing); null while no worker is active yet, or if it does not answer. */
export async function askWorkerIfOffline(lang) {
  const worker = (await navigator.serviceWorker?.getRegistration())?.active;
  if (!worker) return null;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), ANSWER_WITHIN_MS);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve(event.data?.ready === true);
    };
    worker.postMessage({ type: "keep-offline", lang }, [channel.port2]);
  });
}

/** Whether this launch is under a worker already: a second launch or later. */
export function launchedUnderWorker() {
  return Boolean(navigator.serviceWorker?.controller);
}

/** Ask the worker to bring the diary's files into its cache, beyond the first visit's budget. */
export function askWorkerToKeepDiary() {
  navigator.serviceWorker?.controller?.postMessage("keep-diary");
}
