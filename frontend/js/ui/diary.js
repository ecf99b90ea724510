// The twitch diary: #/diary lists what was logged, day by day, newest first; #/diary/<screen> opens the
// diary's other screens (one per file). Everything is stored on this device only (diary/storage.js).
import { previousDay, todayKey } from "../diary/days.js";
import { diaryRules, reportedWarningSigns } from "../diary/model.js";
import { t } from "../words.js";
import { buttonLink, h, screenHeading } from "./dom.js";
import { entryTime, entryWhat, formatDay, optionLabel, twitchCount, withElements } from "./diary-format.js";
import { diaryNav, messageScreen } from "./diary-nav.js";
import { DIARY_STYLESHEET } from "./diary-offline.js";
import { diaryStore, takeFlash } from "./diary-save.js";

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
    store = await diaryStore(app.content);
  } catch (error) {
    console.warn("The diary cannot be opened:", error);
    return cannotStore();
  }
  if (name !== "" && !screen) return missing();
  return screen ? screen.render(app, params, store) : list(app, store);
}

let styles = null;

/** The diary's own stylesheet, loaded the first time a diary screen opens (it is not in the first visit). */
function loadStyles() {
  styles ??= new Promise((resolve) => {
    const link = h("link", { rel: "stylesheet", href: DIARY_STYLESHEET });
    link.addEventListener("load", resolve);
    link.addEventListener("error", resolve); // unstyled beats not at all
    document.head.append(link);
  });
  return styles;
}

function cannotStore() {
  return messageScreen({ title: t("diary.title"), heading: t("diary.list.cannot_store_heading"),
    text: t("diary.list.cannot_store_text"),
    link: ["#/", t("app.go_to_start")] });
}

function missing() {
  return messageScreen({ title: t("diary.title"), heading: t("diary.list.missing_heading"),
    link: ["#/diary", t("diary.go_to_diary")] });
}

function entryItem(app, entry) {
  return h("li", { "data-diary-entry": entry.id },
    h("a", { href: `#/diary/log/${encodeURIComponent(entry.id)}`, class: "diary-entry" },
      h("span", { class: "diary-entry-time" }, entryTime(entry)),
      h("span", {}, entryWhat(app.content, entry)),
      h("span", { class: "diary-sr-only" }, ` ${t("diary.list.change_or_delete")}`)),
    entry.note && h("p", { class: "diary-note" }, entry.note));
}

// The habits a day's line shows, in a word each: enough to recognise the day, the rest is one tap away.
const LINE_HABITS = Object.freeze({
  sleep: (answer) => t("diary.list.sleep", { answer }),
  caffeine: (answer) => t("diary.list.caffeine", { answer }),
  stress: (answer) => t("diary.list.stress", { answer }),
});

function checkinLine(app, rules, checkin) {
  const words = Object.entries(LINE_HABITS).filter(([question]) => checkin[question] != null)
    .map(([question, word]) => word(optionLabel(app.content, question, checkin[question]).toLocaleLowerCase()));
  const signs = reportedWarningSigns(rules, checkin).length > 0;
  return h("p", { class: "diary-checkin-line" },
    h("a", { href: `#/diary/checkin/${checkin.day}` },
      words.length ? t("diary.list.checkin_with", { habits: words.join(", ") }) : t("diary.list.checkin"),
      signs && h("strong", { class: "diary-signs-reported" }, ` ${t("diary.list.signs_reported")}`)));
}

function dayGroups(app, entries, checkins) {
  const rules = diaryRules(app.content);
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
    const title = key === today ? t("diary.list.today", { day: formatDay(key, { weekday: false }) }) : formatDay(key);
    return h("section", { class: "diary-day", "aria-labelledby": `day-${key}` },
      h("h3", { id: `day-${key}` }, title, h("span", { class: "diary-count" }, ` · ${twitchCount(logged.length)}`)),
      checkin && checkinLine(app, rules, checkin),
      logged.length > 0 && h("ul", { class: "diary-entries" }, logged.map((entry) => entryItem(app, entry))));
  });
}

async function list(app, store) {
  const { entries, checkins } = await store.readAll();
  const today = todayKey();
  const checkedIn = checkins.some((checkin) => checkin.day === today);
  const latest = checkins.at(-1); // one a day, oldest day first
  const warned = latest && latest.day >= previousDay(today) && reportedWarningSigns(diaryRules(app.content), latest).length > 0;
  return {
    title: t("diary.list.title"),
    view: h("div", { class: "diary" },
      screenHeading(t("diary.list.title")),
      takeFlash(),
      warned && h("p", { class: "diary-warned" },
        `${latest.day === today ? t("diary.list.warned_today") : t("diary.list.warned_yesterday")} `,
        h("a", { href: `#/diary/advice/${latest.day}` }, t("diary.list.see_advice"))),
      diaryNav(""),
      h("div", { class: "stack" },
        buttonLink("#/diary/log", t("diary.log_a_twitch"), "primary"),
        buttonLink("#/diary/checkin", checkedIn ? t("diary.list.change_checkin") : t("diary.do_checkin"))),
      h("p", { class: "small" }, checkedIn ? t("diary.list.checkin_done") : t("diary.list.checkin_hint")),
      h("h2", {}, t("diary.list.logged_heading")),
      entries.length || checkins.length
        ? dayGroups(app, entries, checkins)
        : h("p", {}, t("diary.list.empty")),
      h("p", { class: "small" }, withElements(t("diary.list.stored_here"),
        { backup_link: h("a", { href: "#/diary/backup" }, t("diary.list.backup_link")) }))),
  };
}
