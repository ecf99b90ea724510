// Storage on this device only: a tiny get/set/delete over localStorage, values as JSON.
// Nothing stored here is ever sent anywhere.
const PREFIX = "twitch.";

export function get(key, fallback = null) {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw === null ? fallback : JSON.parse(raw);
  } catch {
    return fallback; // storage blocked (some private modes) or a damaged value: start clean
  }
}

export function set(key, value) {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false; // full or blocked: the app still works, it just cannot remember
  }
}

export function remove(key) {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    /* nothing to delete */
  }
}
