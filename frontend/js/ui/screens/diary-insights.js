// Patterns: twitches a day over the last 30 days as a small chart (with the same numbers as a table for
// screen readers), and for each habit, twitches on days with it against days without, each linking to
// that trigger's tips. Only with enough days on each side, and worded as a pattern, never a cause. A card whose
// trigger has an experiment kind offered to this person links to its plan: a pattern is a hint, an experiment tests it.
import { addDays, todayKey } from "../../diary/days.js";
import { offeredKinds } from "../../diary/experiment-plan.js";
import { diaryRules } from "../../diary/model.js";
import { checkinsInWindow, habitComparisons, MIN_DAYS_EACH_SIDE, twitchesPerDay, WINDOW_DAYS } from "../../diary/stats.js";
import { t } from "../../words.js";
import { h, screenHeading } from "../parts/dom.js";
import { dayCount, formatDay, habitOf, insightText, withElements } from "../parts/diary-format.js";
import { diaryNav } from "../parts/diary-nav.js";

const SVG = "http://www.w3.org/2000/svg";
const CHART = { width: 300, height: 100, gap: 2 }; // viewBox units; the chart scales to the screen's width

/** A visually hidden text for screen readers. */
function srOnly(tag, props, ...children) {
  return h(tag, { ...props, class: `diary-sr-only ${props.class ?? ""}`.trim() }, ...children);
}

function svg(tag, attributes = {}) {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/** Bars of twitches a day, drawn by the app; hidden from screen readers, which read the table instead. */
function barChart(days) {
  const top = Math.max(2, Math.ceil(Math.max(...days.map((d) => d.count)) / 2) * 2); // even, so the middle line is whole
  const slot = CHART.width / days.length;
  const chart = svg("svg", {
    viewBox: `0 0 ${CHART.width} ${CHART.height + 1}`, class: "diary-chart-svg", "aria-hidden": "true", focusable: "false",
    preserveAspectRatio: "none",
  });
  chart.append(svg("line", { x1: 0, x2: CHART.width, y1: 0.5, y2: 0.5, class: "diary-chart-grid" }));
  chart.append(svg("line", { x1: 0, x2: CHART.width, y1: CHART.height / 2, y2: CHART.height / 2, class: "diary-chart-grid" }));
  days.forEach(({ count }, n) => {
    // A day with none still shows a sliver, so an empty day reads as "none" rather than "missing".
    const height = count ? (count / top) * CHART.height : 1.5;
    chart.append(svg("rect", {
      x: n * slot + CHART.gap / 2, y: CHART.height - height, width: slot - CHART.gap, height,
      class: `diary-bar${count ? "" : " diary-bar-none"}`,
    }));
  });
  chart.append(svg("line", { x1: 0, x2: CHART.width, y1: CHART.height + 0.5, y2: CHART.height + 0.5, class: "diary-chart-axis" }));
  return { chart, top };
}

function chartSection(entries, today) {
  const days = twitchesPerDay(entries, today);
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const most = Math.max(...days.map((d) => d.count));
  const { chart, top } = barChart(days);
  const summary = total
    ? t("diary.insights.chart_summary", { count: total, days: WINDOW_DAYS, most })
    : t("diary.insights.chart_empty", { days: WINDOW_DAYS });
  const from = formatDay(days[0].day, { weekday: false });
  return h("section", { "aria-labelledby": "chart-title" },
    h("h2", { id: "chart-title" }, t("diary.insights.chart_heading", { days: WINDOW_DAYS })),
    h("p", {}, summary),
    h("figure", { class: "diary-chart" },
      h("div", { class: "diary-chart-plot" },
        h("div", { class: "diary-chart-scale", "aria-hidden": "true" },
          h("span", {}, String(top)), h("span", {}, String(top / 2)), h("span", {}, "0")),
        chart),
      h("div", { class: "diary-chart-days", "aria-hidden": "true" },
        h("span", {}, from), h("span", {}, t("diary.insights.chart_today"))),
      h("figcaption", { class: "small" }, t("diary.insights.chart_caption")),
      srOnly("div", {}, h("table", {}, // a table cannot shrink below its content: its hidden box clips it
        h("caption", {}, t("diary.insights.table_caption", { from })),
        h("thead", {}, h("tr", {},
          h("th", { scope: "col" }, t("diary.insights.day_column")), h("th", { scope: "col" }, t("diary.insights.twitches_column")))),
        h("tbody", {}, days.map((d) => h("tr", {}, h("th", { scope: "row" }, formatDay(d.day)), h("td", {}, String(d.count)))))))));
}

/** "From 10 days with it and 10 days without." */
const sides = (comparison) => ({ with: dayCount(comparison.days_with), without: dayCount(comparison.days_without) });

/** "Test it" links to the plans of the kinds offered to this person for the card's trigger, with why; or null. */
function testItLinks(app, comparison, offered) {
  const tips = offered.map((kind) => app.content.tips.find((tip) => tip.id === kind.id))
    .filter((tip) => tip?.trigger === comparison.trigger);
  if (!tips.length) return null;
  return h("div", { class: "diary-test-it" },
    h("p", { class: "small" }, t("diary.experiment.test_it_hint")),
    h("ul", {}, tips.map((tip) => h("li", {},
      h("a", { href: `#/diary/experiment/plan/${tip.id}`, class: "diary-more", "data-experiment-kind-link": tip.id },
        t("diary.experiment.test_it", { tip: tip.title }))))));
}

function insightItem(app, comparison, offered) {
  const trigger = app.content.triggers.find((item) => item.id === comparison.trigger);
  return h("li", { class: "card", "data-diary-insight": comparison.habit },
    h("h3", {}, habitOf(app.content, comparison.habit).name),
    h("p", {}, insightText(app.content, comparison)),
    h("p", { class: "small" }, t("diary.insights.days_each_side", sides(comparison))),
    trigger && h("p", {}, h("a", { href: `#/diary/tips/${trigger.id}`, class: "diary-more" }, t("diary.what_to_try", { trigger: trigger.title }))),
    testItLinks(app, comparison, offered));
}

function habitsSection(app, comparisons, checkinCount) {
  // The kinds offered for the last check's answers: none without a check, none whose caution is active for them.
  const offered = offeredKinds(app.content, app.check.answers());
  const ready = comparisons.filter((c) => c.enough);
  const waiting = comparisons.filter((c) => !c.enough);
  const checkinLink = h("a", { href: "#/diary/checkin" }, t("diary.do_checkin"));
  return h("section", { "aria-labelledby": "habits-title" },
    h("h2", { id: "habits-title" }, t("diary.insights.habits_heading")),
    h("p", {}, t("diary.insights.habits_help", { days: WINDOW_DAYS, min: MIN_DAYS_EACH_SIDE })),
    ready.length
      ? h("ul", { class: "diary-insights" }, ready.map((c) => insightItem(app, c, offered)))
      : h("p", {}, withElements(checkinCount ? t("diary.insights.not_enough") : t("diary.insights.no_checkins"),
        { checkin_link: checkinLink })),
    waiting.length > 0 && checkinCount > 0 && h("details", {},
      h("summary", {}, t("diary.insights.waiting")),
      h("ul", {}, waiting.map((c) => h("li", {},
        t("diary.insights.waiting_habit", { habit: habitOf(app.content, c.habit).name, ...sides(c) }))))));
}

export async function render(app, params, store) {
  const today = todayKey();
  // Patterns look at the last WINDOW_DAYS days only: those are read, not the whole diary.
  const { entries, checkins } = await store.readDays({ from: addDays(today, 1 - WINDOW_DAYS), to: today });
  const comparisons = habitComparisons(diaryRules(app.content), entries, checkins, today);
  const checkinCount = checkinsInWindow(checkins, today).length;
  return {
    title: t("diary.nav.patterns"),
    view: h("div", { class: "diary diary-insights-screen" },
      screenHeading(t("diary.insights.heading")),
      diaryNav("insights"),
      chartSection(entries, today),
      habitsSection(app, comparisons, checkinCount)),
  };
}
