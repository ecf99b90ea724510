// The twitch diary: #/diary lists what was logged, day by day, newest first; #/diary/<screen> opens the
// diary's other screens (one per file). Everything is stored on this device only (diary/storage.js).
import { previousDay, todayKey } from "../diary/days.js";
import { buttonLink, h, screenHeading } from "./dom.js";
import {
  diaryNav, diaryStore, entryTime, entryWhat, formatDay, loadStyles, messageScreen, optionLabel, plural, takeFlash,
} from "./diary-common.js";

const SCREENS = {
  log: () => import("./diary-log.js"),
  checkin: () => import("./diary-checkin.js"),
  advice: () => import("./diary-advice.js"),
  insights: () => import("./diary-insights.js"),
  summary: () => import("./diary-summary.js"),
  backup: () => import("./diary-backup.js"),
  tips: () => import("./diary-tips.js"),
};

/** The diary screen for #/diary/<name>/<params>; the router waits for it, as the diary is read first. */
export async function render(app, [name = "", ...params]) {
  const screen = Object.hasOwn(SCREENS, name) ? await SCREENS[name]() : null;
  await loadStyles();
  let store;
  try {
    store = await diaryStore();
  } catch (error) {
    console.warn("The diary cannot be opened:", error);
    return cannotStore();
  }
  if (name !== "" && !screen) return missing();
  return screen ? screen.render(app, params, store) : list(app, store);
}

function cannotStore() {
  return messageScreen({ title: "Diary", heading: "The diary cannot be used here",
    text: "This browser does not let the app store a diary on this device. This happens in some private browsing modes. Open the app in a normal window to use the diary.",
    link: ["#/", "Go to the start"] });
}

function missing() {
  return messageScreen({ title: "Diary", heading: "This page is not in the diary", link: ["#/diary", "Go to your diary"] });
}

function entryItem(app, entry) {
  return h("li", { "data-diary-entry": entry.id },
    h("a", { href: `#/diary/log/${encodeURIComponent(entry.id)}`, class: "diary-entry" },
      h("span", { class: "diary-entry-time" }, entryTime(entry)),
      h("span", {}, entryWhat(app.content, entry)),
      h("span", { class: "diary-sr-only" }, " (change or delete)")),
    entry.note && h("p", { class: "diary-note" }, entry.note));
}

function checkinLine(app, checkin) {
  const words = ["sleep", "caffeine", "stress"].filter((habit) => checkin[habit] !== null)
    .map((habit) => `${habit} ${optionLabel(app.content, habit, checkin[habit]).toLowerCase()}`);
  const signs = checkin.warning_signs.some((sign) => sign !== "none");
  return h("p", { class: "diary-checkin-line" },
    h("a", { href: `#/diary/checkin/${checkin.day}` },
      `Check-in${words.length ? `: ${words.join(", ")}` : ""}`,
      signs && h("strong", { class: "diary-signs-reported" }, " Warning signs reported.")));
}

function dayGroups(app, entries, checkins) {
  const days = new Map();
  const day = (key) => {
    if (!days.has(key)) days.set(key, { entries: [], checkin: null });
    return days.get(key);
  };
  for (const entry of entries) day(entry.day).entries.push(entry);
  for (const checkin of checkins) day(checkin.day).checkin = checkin;
  const today = todayKey();
  return [...days.keys()].sort().reverse().map((key) => {
    const { entries: logged, checkin } = days.get(key);
    logged.sort((a, b) => (a.at < b.at ? 1 : -1)); // newest first, like the days
    const title = key === today ? `Today, ${formatDay(key, { weekday: false })}` : formatDay(key);
    return h("section", { class: "diary-day", "aria-labelledby": `day-${key}` },
      h("h3", { id: `day-${key}` }, title, h("span", { class: "diary-count" }, ` · ${plural(logged.length, "twitch", "twitches")}`)),
      checkin && checkinLine(app, checkin),
      logged.length > 0 && h("ul", { class: "diary-entries" }, logged.map((entry) => entryItem(app, entry))));
  });
}

async function list(app, store) {
  const { entries, checkins } = await store.readAll();
  const today = todayKey();
  const checkedIn = checkins.some((checkin) => checkin.day === today);
  const latest = checkins.at(-1); // one a day, oldest day first
  const warned = latest && latest.day >= previousDay(today) && latest.warning_signs.some((sign) => sign !== "none");
  return {
    title: "Your twitch diary",
    view: h("div", { class: "diary" },
      screenHeading("Your twitch diary"),
      takeFlash(),
      warned && h("p", { class: "diary-warned" },
        `You reported warning signs ${latest.day === today ? "today" : "yesterday"}. `,
        h("a", { href: `#/diary/advice/${latest.day}` }, "See what to do about them")),
      diaryNav(""),
      h("div", { class: "stack" },
        buttonLink("#/diary/log", "Log a twitch", "primary"),
        buttonLink("#/diary/checkin", checkedIn ? "Change today’s check-in" : "Do today’s check-in")),
      h("p", { class: "small" }, checkedIn
        ? "Today’s check-in is done."
        : "The daily check-in takes a few seconds: it starts from yesterday’s answers."),
      h("h2", {}, "What you logged"),
      entries.length || checkins.length
        ? dayGroups(app, entries, checkins)
        : h("p", {}, "Nothing yet. When a muscle twitches, tap “Log a twitch”: where, how strong, and a note if you like. After a week or two, Patterns shows which habits go with more twitching."),
      h("p", { class: "small" }, "Your diary is stored on this device only and is never sent anywhere. ",
        "Clearing this browser’s data deletes it, so ", h("a", { href: "#/diary/backup" }, "make a backup"), " now and then.")),
  };
}
