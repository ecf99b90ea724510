// The twitch diary: #/diary lists what was logged, day by day, newest first, a page at a time ("Show more");
// #/diary/<screen> opens the diary's other screens (one per file). Everything is stored on this device only
// (diary/storage.js); when the storage does not open or cannot be read, the screen says so. Above the list: a card
// for an experiment under way with today's plan in words, and a link to yesterday's check-in when it is missing.
import { locale } from "../../language.js";
import { daysBetween, previousDay, todayKey } from "../../diary/days.js";
import { currentExperiment, experimentKind, experimentStatus, planOn } from "../../diary/experiment-plan.js";
import { planDays } from "../../diary/experiment.js";
import { diaryRules, reportedWarningSigns } from "../../diary/model.js";
import { OpenTimeoutError } from "../../diary/storage.js";
import { fill, t } from "../../words.js";
import { buttonLink, h, screenHeading } from "../parts/dom.js";
import { entryTime, entryWhat, formatDay, optionLabel, twitchCount, withElements } from "../parts/diary-format.js";
import { diaryNav, messageScreen } from "../parts/diary-nav.js";
import { DIARY_STYLESHEET } from "../parts/diary-offline.js";
import { diaryStore, redraw, takeFlash } from "../parts/diary-save.js";

const SCREENS = {
  log: () => import("./diary-log.js"),
  checkin: () => import("./diary-checkin.js"),
  advice: () => import("./diary-advice.js"),
  insights: () => import("./diary-insights.js"),
  summary: () => import("./diary-summary.js"),
  backup: () => import("./diary-backup.js"),
  tips: () => import("./diary-tips.js"),
  experiment: () => import("./diary-experiment.js"),
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
    return error instanceof OpenTimeoutError ? notOpening(error) : cannotStore();
  }
  if (name !== "" && !screen) return missing();
  try {
    return await (screen ? screen.render(app, params, store) : list(app, store));
  } catch (error) {
    console.warn("The diary could not be read:", error);
    return cannotRead();
  }
}

/** A screen that says what happened to the diary's storage, and a button to try again. */
function storageProblem(heading, text) {
  return {
    title: t("diary.title"),
    view: h("div", { class: "diary" }, screenHeading(heading), h("p", {}, text),
      h("div", { class: "actions" },
        h("button", { type: "button", class: "primary", onclick: redraw }, t("diary.try_again")),
        buttonLink("#/", t("app.go_to_start")))),
  };
}

function notOpening(error) {
  return storageProblem(t("diary.list.not_opening_heading"),
    error.blocked ? t("diary.list.not_opening_blocked") : t("diary.list.not_opening_text"));
}

function cannotRead() {
  return storageProblem(t("diary.list.cannot_read_heading"), t("diary.list.cannot_read_text"));
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

function checkinLine(app, rules, checkin) {
  // The habits with words for a day's line (content/diary.yml's in_day_line): enough to recognise the day, the
  // rest is one tap away.
  const words = rules.habits.filter((habit) => habit.in_day_line && checkin[habit.question] != null)
    .map((habit) => fill(habit.in_day_line,
      { answer: optionLabel(app.content, habit.question, checkin[habit.question]).toLocaleLowerCase(locale()) }));
  const signs = reportedWarningSigns(rules, checkin).length > 0;
  return h("p", { class: "diary-checkin-line" },
    h("a", { href: `#/diary/checkin/${checkin.day}` },
      words.length ? t("diary.list.checkin_with", { habits: words.join(", ") }) : t("diary.list.checkin"),
      signs && h("strong", { class: "diary-signs-reported" }, ` ${t("diary.list.signs_reported")}`)));
}

/** A day's section of the list: its heading with the day's twitch count, then its check-in and twitches. */
function daySection(day, count) {
  const title = day === todayKey() ? t("diary.list.today", { day: formatDay(day, { weekday: false }) }) : formatDay(day);
  return h("section", { class: "diary-day", "aria-labelledby": `day-${day}`, "data-day": day },
    h("h3", { id: `day-${day}` }, title, h("span", { class: "diary-count" }, ` · ${twitchCount(count)}`)),
    h("ul", { class: "diary-entries" }));
}

/**
 * Draws a page of the list (storage's listPage) into `container`, newest day first; a day that goes on from the
 * page before goes on in its section. Returns the first entry link drawn, for the focus after "Show more".
 */
function drawPage(app, container, page) {
  const rules = diaryRules(app.content);
  let first = null;
  let section = container.lastElementChild;
  for (const { kind, record } of page.items) {
    if (section?.dataset.day !== record.day) {
      section = daySection(record.day, page.twitchesOnDay.get(record.day) ?? 0);
      container.append(section);
    }
    const entries = section.querySelector(".diary-entries");
    if (kind === "checkin") {
      entries.before(checkinLine(app, rules, record));
    } else {
      const item = entryItem(app, record);
      entries.append(item);
      first ??= item.querySelector("a");
    }
  }
  return first;
}

/**
 * The card of the experiment under way (running, paused, or starting tomorrow), linking to its screen: while it
 * runs, today's plan in words (`data-experiment-today`) and the day it is; while paused, why and what to do.
 */
function experimentCard(app, experiment, today) {
  const status = experimentStatus(experiment, today);
  const kind = experimentKind(app.content, experiment.kind);
  const tip = app.content.tips.find((item) => item.id === experiment.kind);
  const planned = status === "running" ? planOn(experiment, today) : null;
  let lines = [];
  if (planned) {
    lines = [
      h("p", { class: "diary-plan-of-the-day" }, planned.plan === "change"
        ? t("diary.experiment.card_change", { change: kind?.change ?? "" })
        : t("diary.experiment.card_usual", { usual: kind?.usual ?? "" })),
      h("p", { class: "small" }, t("diary.experiment.card_day",
        { day: daysBetween(experiment.start_day, today) + 1, days: planDays(experiment).length })),
    ];
  } else if (status === "paused") {
    lines = [h("p", { class: "diary-warned" }, t("diary.experiment.paused", { day: formatDay(experiment.paused_on) }))];
  } else if (status === "upcoming") {
    lines = [h("p", {}, t("diary.experiment.card_upcoming", { day: formatDay(experiment.start_day) }))];
  }
  return h("section", { class: "card diary-experiment-card", "aria-labelledby": "experiment-card-title",
    "data-experiment-card": experiment.id, "data-experiment-today": planned?.plan ?? null },
    h("h2", { id: "experiment-card-title" }, t("diary.experiment.card_heading", { tip: tip?.title ?? experiment.kind })),
    lines,
    h("p", {}, h("a", { href: `#/diary/experiment/${experiment.id}`, class: "diary-more" }, t("diary.experiment.card_open"))));
}

/**
 * Whether to offer yesterday's check-in: it is missing, and the person keeps a diary (a check-in before it) or
 * yesterday was a day of the experiment under way, which counts only with its check-in.
 */
async function yesterdayMissing(store, experiment, today) {
  const yesterday = previousDay(today);
  if (await store.getCheckin(yesterday)) return false;
  if (experiment?.status === "running" && planOn(experiment, yesterday)) return true;
  return (await store.previousCheckin(yesterday)) !== null;
}

async function list(app, store) {
  const today = todayKey();
  const page = await store.listPage();
  const todays = await store.getCheckin(today);
  const latest = todays ?? (await store.getCheckin(previousDay(today)));
  const counts = await store.counts();
  const warned = latest && reportedWarningSigns(diaryRules(app.content), latest).length > 0;
  const experiment = currentExperiment(await store.listExperiments(), today);
  const missed = await yesterdayMissing(store, experiment, today);
  const days = h("div", { class: "diary-days" });
  drawPage(app, days, page);
  const shown = h("p", { class: "small", role: "status" });
  let next = page.next;
  let drawn = page.items.filter((item) => item.kind === "entry").length;
  const more = h("button", { type: "button", class: "secondary diary-more-button" }, t("diary.list.show_more"));
  const update = () => {
    more.hidden = !next;
    shown.textContent = counts.entries > drawn ? t("diary.list.showing", { count: drawn, total: counts.entries.toLocaleString(locale()) }) : "";
  };
  more.addEventListener("click", async () => {
    more.disabled = true;
    try {
      const nextPage = await store.listPage({ after: next });
      const first = drawPage(app, days, nextPage);
      next = nextPage.next;
      drawn += nextPage.items.filter((item) => item.kind === "entry").length;
      update();
      (first ?? more).focus();
    } catch (error) {
      console.warn("The diary could not be read:", error);
      shown.textContent = t("diary.list.cannot_read_more");
    } finally {
      more.disabled = false;
    }
  });
  update();
  return {
    title: t("diary.list.title"),
    view: h("div", { class: "diary" },
      screenHeading(t("diary.list.title")),
      takeFlash(),
      warned && h("p", { class: "diary-warned" },
        `${latest.day === today ? t("diary.list.warned_today") : t("diary.list.warned_yesterday")} `,
        h("a", { href: `#/diary/advice/${latest.day}` }, t("diary.list.see_advice"))),
      diaryNav(""),
      experiment && experimentCard(app, experiment, today),
      missed && h("p", { class: "diary-missed" },
        h("a", { href: `#/diary/checkin/${previousDay(today)}`, class: "diary-more" }, t("diary.list.yesterday_missing"))),
      h("div", { class: "stack" },
        buttonLink("#/diary/log", t("diary.log_a_twitch"), "primary"),
        buttonLink("#/diary/checkin", todays ? t("diary.list.change_checkin") : t("diary.do_checkin"))),
      h("p", { class: "small" }, todays ? t("diary.list.checkin_done") : t("diary.list.checkin_hint")),
      h("h2", {}, t("diary.list.logged_heading")),
      page.items.length ? days : h("p", {}, t("diary.list.empty")),
      shown,
      more,
      h("p", { class: "small" }, withElements(t("diary.list.stored_here"),
        { backup_link: h("a", { href: "#/diary/backup" }, t("diary.list.backup_link")) }))),
  };
}
