// Dates and numbers the way the phone writes them, when the phone's language is the page's: a British phone reads
// "6 December 2026", an American one "December 6, 2026", a Mexican one "2.5" where Spain writes "2,5". When the
// phone speaks another language than the page, the page's language decides. Pure: runs in Node's tests.

/** The phone's own locale (en-GB, es-MX...) if its language is `pageLang`, else `pageLang`. */
export function phoneLocale(pageLang, phoneLanguages = globalThis.navigator?.languages ?? []) {
  const primary = (tag) => String(tag).toLowerCase().split("-")[0];
  const own = phoneLanguages.find((tag) => primary(tag) === primary(pageLang));
  if (!own) return pageLang;
  try {
    return Intl.getCanonicalLocales(own)[0];
  } catch {
    return pageLang; // a tag the phone gave that Intl cannot read
  }
}

/** A calendar day written out: "6 December 2026". `day` is a Date, or a local day "2026-12-06". */
export function formatDate(day, locale, { year = true } = {}) {
  return toDate(day).toLocaleDateString(locale, { day: "numeric", month: "long", ...(year ? { year: "numeric" } : {}) });
}

/** A number with the locale's decimal mark, at most `digits` decimals: 4.1 or 4,1. */
export function formatNumber(value, locale, digits = 1) {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** A local day "2026-12-06" as a Date at noon that day (noon: no time zone or clock change moves it to another day). */
export function toDate(day) {
  if (day instanceof Date) return day;
  const [y, m, d] = String(day).split("-").map(Number);
  return new Date(y, m - 1, d, 12);
}

/** The local day of a Date, "2026-12-06". */
export function dayOf(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local day `days` after `day` ("2026-12-06" + 14 is "2026-12-20"). */
export function addDays(day, days) {
  const date = toDate(day);
  date.setDate(date.getDate() + days);
  return dayOf(date);
}
