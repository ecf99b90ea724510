// Where the person is, for the numbers to call (spec-v3 section 3.2), worked out on the device, offline and
// without asking for a permission: a remembered "Where are you?" choice; else the device's time zone; else the
// first region subtag of the browser's languages; else unknown (the fallback numbers). Language is not location:
// an en-US phone in Auckland is in New Zealand, so the time zone wins when the two disagree.
import * as store from "./store.js";

const KEY = "region";

// Time zone -> country, from IANA zone1970.tab (tzdata 2025b; the first country of each zone), for the regions
// the content lists. The older names Chromium may still report come last.
const ZONES_BY_COUNTRY = [
  ["AR", ["America/Argentina/Buenos_Aires", "America/Argentina/Cordoba", "America/Argentina/Salta", "America/Argentina/Jujuy", "America/Argentina/Tucuman", "America/Argentina/Catamarca", "America/Argentina/La_Rioja", "America/Argentina/San_Juan", "America/Argentina/Mendoza", "America/Argentina/San_Luis", "America/Argentina/Rio_Gallegos", "America/Argentina/Ushuaia"]],
  ["AU", ["Australia/Lord_Howe", "Antarctica/Macquarie", "Australia/Hobart", "Australia/Melbourne", "Australia/Sydney", "Australia/Broken_Hill", "Australia/Brisbane", "Australia/Lindeman", "Australia/Adelaide", "Australia/Darwin", "Australia/Perth", "Australia/Eucla"]],
  ["CA", ["America/St_Johns", "America/Halifax", "America/Glace_Bay", "America/Moncton", "America/Goose_Bay", "America/Toronto", "America/Iqaluit", "America/Winnipeg", "America/Resolute", "America/Rankin_Inlet", "America/Regina", "America/Swift_Current", "America/Edmonton", "America/Cambridge_Bay", "America/Inuvik", "America/Dawson_Creek", "America/Fort_Nelson", "America/Whitehorse", "America/Dawson", "America/Vancouver"]],
  ["CL", ["America/Santiago", "America/Coyhaique", "America/Punta_Arenas", "Pacific/Easter"]],
  ["CO", ["America/Bogota"]],
  ["EC", ["America/Guayaquil", "Pacific/Galapagos"]],
  ["ES", ["Europe/Madrid", "Africa/Ceuta", "Atlantic/Canary"]],
  ["GB", ["Europe/London"]],
  ["IE", ["Europe/Dublin"]],
  ["MX", ["America/Mexico_City", "America/Cancun", "America/Merida", "America/Monterrey", "America/Matamoros", "America/Chihuahua", "America/Ciudad_Juarez", "America/Ojinaga", "America/Mazatlan", "America/Bahia_Banderas", "America/Hermosillo", "America/Tijuana"]],
  ["NZ", ["Pacific/Auckland", "Pacific/Chatham"]],
  ["PE", ["America/Lima"]],
  ["US", ["America/New_York", "America/Detroit", "America/Kentucky/Louisville", "America/Kentucky/Monticello", "America/Indiana/Indianapolis", "America/Indiana/Vincennes", "America/Indiana/Winamac", "America/Indiana/Marengo", "America/Indiana/Petersburg", "America/Indiana/Vevay", "America/Chicago", "America/Indiana/Tell_City", "America/Indiana/Knox", "America/Menominee", "America/North_Dakota/Center", "America/North_Dakota/New_Salem", "America/North_Dakota/Beulah", "America/Denver", "America/Boise", "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "America/Juneau", "America/Sitka", "America/Metlakatla", "America/Yakutat", "America/Nome", "America/Adak", "Pacific/Honolulu"]],
  ["UY", ["America/Montevideo"]],
  ["US", ["America/Indianapolis", "America/Louisville", "US/Eastern", "US/Central", "US/Mountain", "US/Pacific"]],
  ["AR", ["America/Buenos_Aires", "America/Catamarca", "America/Cordoba", "America/Jujuy", "America/Mendoza"]],
  ["CA", ["America/Montreal"]],
  ["NZ", ["NZ"]],
  ["GB", ["GB", "Europe/Belfast"]],
  ["IE", ["Eire"]],
];
const ZONES = new Map(ZONES_BY_COUNTRY.flatMap(([country, zones]) => zones.map((zone) => [zone, country])));

/** The country of a time zone, or null: Australia/* is Australia whatever the city. */
export function fromTimeZone(timeZone) {
  if (typeof timeZone !== "string") return null;
  if (timeZone.startsWith("Australia/")) return "AU";
  return ZONES.get(timeZone) ?? null;
}

/** The region subtag of the first language that has one ("en-NZ" -> "NZ"); a bare "es" gives nothing. */
export function fromLanguages(languages) {
  const first = (languages ?? [])[0];
  const region = typeof first === "string" ? first.split("-").slice(1).find((part) => /^[A-Za-z]{2}$/.test(part)) : null;
  return region ? region.toUpperCase() : null;
}

/**
 * The region to use and why: {code, why, disagree}. `code` is a region the content lists, or null (unknown);
 * `why` is "chosen", "time_zone", "language" or "unknown"; `disagree` is true when the time zone and the language
 * name different regions (the card then says whose numbers it shows). Pure: the device's facts are passed in.
 */
export function pickRegion(content, { chosen = null, timeZone = null, languages = [] } = {}) {
  const known = new Set(content.regions.countries.map((country) => country.id));
  const fromZone = fromTimeZone(timeZone);
  const fromLanguage = fromLanguages(languages);
  const disagree = Boolean(fromZone && fromLanguage && fromZone !== fromLanguage);
  if (chosen && known.has(chosen)) return { code: chosen, why: "chosen", disagree };
  if (chosen === "") return { code: null, why: "chosen", disagree }; // no country chosen on purpose: the fallback numbers
  if (fromZone && known.has(fromZone)) return { code: fromZone, why: "time_zone", disagree };
  if (fromLanguage && known.has(fromLanguage)) return { code: fromLanguage, why: "language", disagree };
  return { code: null, why: "unknown", disagree };
}

function deviceTimeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The region for this device now. */
export function currentRegion(content) {
  return pickRegion(content, { chosen: store.get(KEY), timeZone: deviceTimeZone(), languages: navigator.languages ?? [navigator.language] });
}

/** Remember "Where are you?": a region id, or "" for somewhere the content does not list. Kept on the device. */
export function chooseRegion(code) {
  store.set(KEY, code);
}
