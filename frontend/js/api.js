// Every network request the app makes. Answers are never sent: the app scores them on the device.
// Paths are relative so the app also works when served as static files under a sub-path.
// The content comes in two parts: what the check needs first, then the guide, FAQ, sources and diary.
const CONTENT_PART_URL = (part, lang) => `api/v1/content/${part}?lang=${encodeURIComponent(lang)}`;
const HEALTH_URL = "api/v1/health";

async function json(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

/** A part of the content ("check" or "rest") in `lang`: the newest when online (the service worker falls back to
 * its copy offline). */
export function loadContent(part, lang) {
  return json(CONTENT_PART_URL(part, lang), { cache: "no-cache" }); // revalidate with the ETag: cheap, never stale
}

/** The version of the content in `lang` the server has now, or null when it cannot be asked. */
export async function latestContentVersion(lang) {
  try {
    return (await json(`${HEALTH_URL}?lang=${encodeURIComponent(lang)}`, { cache: "no-store" })).content_version;
  } catch {
    return null;
  }
}

/** Fetch the new content so that the service worker keeps it for the next start. */
export function refreshContent(lang) {
  return Promise.all([loadContent("check", lang), loadContent("rest", lang)]);
}
