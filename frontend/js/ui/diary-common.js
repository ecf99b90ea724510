// What the diary's screens share: the open diary store, its stylesheet, labels in the person's words,
// dates as they read them, and the links between the diary's screens.
import { localTime, wallClockAt } from "../diary/days.js";
import { askToKeepDiary, openDiary } from "../diary/storage.js";
import { buttonLink, h, screenHeading } from "./dom.js";

let opening = null;

/** The diary's store, opened once per page; a failure is tried again on the next screen. */
export function diaryStore() {
  opening ??= openDiary().catch((error) => {
    opening = null;
    throw error;
  });
  return opening;
}

/** After the first save: ask the browser not to clear the diary when space runs low (it may say no). */
export function keepDiary() {
  askToKeepDiary().catch(() => {});
}

/** Write one record; on failure say so in `problem` and return false, so nothing typed is lost from the form. */
export async function saveRecord(write, what, problem) {
  try {
    await write();
  } catch (error) {
    console.warn(`The ${what} could not be saved:`, error);
    problem.append("It could not be saved on this device. Check that the browser has space, then try again.");
    return false;
  }
  keepDiary();
  return true;
}

let styles = null;

/** The diary's own stylesheet, loaded the first time a diary screen opens (it is not in the first visit). */
export function loadStyles() {
  styles ??= new Promise((resolve) => {
    const link = h("link", { rel: "stylesheet", href: "css/diary.css" });
    link.addEventListener("load", resolve);
    link.addEventListener("error", resolve); // unstyled beats not at all
    document.head.append(link);
  });
  return styles;
}

// A first visit straight to the diary, before the service worker took over: ask it for one diary file,
// which brings the whole diary into its cache, so that the diary works offline from then on.
if (navigator.serviceWorker && !navigator.serviceWorker.controller) {
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    fetch("css/diary.css").catch(() => {});
  }, { once: true });
}

export const STRENGTH_LABELS = Object.freeze({ light: "Light", strong: "Strong", constant: "Constant" });

// A check-in is about one day; the questionnaire asks about habits in general, so the prompts differ.
export const HABIT_PROMPTS = Object.freeze({
  sleep: "Sleep last night",
  caffeine: "Cups or cans with caffeine today",
  alcohol: "Alcohol today",
  stress: "Stress or worry today",
  exercise: "Exercise today",
  fluids: "Drinks today (water, tea, milk, juice…)",
  screen_time: "Screens today",
});

// Where the questionnaire's option words are about how often, the diary's are about one day.
const DAY_OPTION_LABELS = Object.freeze({
  alcohol: { none: "None", some: "1 or 2 drinks", most_days: "3 or more drinks" },
});

/** The words for an option of a questionnaire question, as the diary shows them. */
export function optionLabel(content, questionId, optionId) {
  const own = DAY_OPTION_LABELS[questionId]?.[optionId];
  if (own) return own;
  const question = content.questionnaire.questions.find((q) => q.id === questionId);
  return question?.options.find((o) => o.id === optionId)?.label ?? optionId;
}

export function areaLabel(content, area) {
  return optionLabel(content, "areas", area);
}

/** "Eyelid, light": what a twitch entry was. */
export function entryWhat(content, entry) {
  return `${areaLabel(content, entry.area)}, ${STRENGTH_LABELS[entry.strength].toLowerCase()}`;
}

/** The clock time the person saw when they logged it ("08:30"). */
export function entryTime(entry) {
  return wallClockAt(entry.at, entry.tz_offset_min).time;
}

/** A day key as the person reads it: "Monday 10 June" (the year too when asked). */
export function formatDay(day, { year = false, weekday = true } = {}) {
  return localTime(day, "12:00").toLocaleDateString(undefined, {
    weekday: weekday ? "long" : undefined, day: "numeric", month: "long", year: year ? "numeric" : undefined,
  });
}

export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
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

const DIARY_LINKS = [
  ["", "Diary"],
  ["insights", "Patterns"],
  ["summary", "For a doctor"],
  ["backup", "Backup"],
];

/** Links between the diary's screens; the current one is marked. */
export function diaryNav(current) {
  return h("nav", { class: "diary-nav no-print", "aria-label": "Diary" },
    h("ul", {}, DIARY_LINKS.map(([path, label]) => h("li", {},
      h("a", { href: `#/diary${path ? `/${path}` : ""}`, "aria-current": path === current ? "page" : null }, label)))));
}

/** A visually hidden text for screen readers. */
export function srOnly(tag, props, ...children) {
  return h(tag, { ...props, class: `diary-sr-only ${props.class ?? ""}`.trim() }, ...children);
}

/** A short screen that says why there is nothing to show here, and where to go instead. */
export function messageScreen({ title, heading, text, link: [href, label, kind] }) {
  return {
    title,
    view: h("div", { class: "diary" }, screenHeading(heading), text && h("p", {}, text), buttonLink(href, label, kind)),
  };
}
