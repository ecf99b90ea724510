// Every network request the app makes. Answers are never sent: the app scores them on the device.
// Paths are relative so the app also works when served as static files under a sub-path.
const CONTENT_URL = "api/v1/content";
const HEALTH_URL = "api/v1/health";

async function json(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

/** The content bundle: the newest when online (the service worker falls back to its copy offline). */
export function loadContent() {
  return json(CONTENT_URL, { cache: "no-cache" }); // revalidate with the ETag: cheap, and never stale
}

/** The content version the server has now, or null when it cannot be asked. */
export async function latestContentVersion() {
  try {
    return (await json(HEALTH_URL, { cache: "no-store" })).content_version;
  } catch {
    return null;
  }
}

/** Fetch the new content so that the service worker keeps it for the next start. */
export function refreshContent() {
  return loadContent();
}
