// Patterns: twitches a day over the last 30 days as a small chart (with the same numbers as a table for
// screen readers), and for each habit, twitches on days with it against days without, each linking to
// that trigger's tips. Only with enough days on each side, and worded as a pattern, never a cause.
import { todayKey } from "../diary/days.js";
import { checkinsInWindow, habitComparisons, MIN_DAYS_EACH_SIDE, twitchesPerDay, WINDOW_DAYS } from "../diary/stats.js";
import { h, screenHeading } from "./dom.js";
import { diaryNav, formatDay, plural, srOnly } from "./diary-common.js";

const SVG = "http://www.w3.org/2000/svg";
const CHART = { width: 300, height: 100, gap: 2 }; // viewBox units; the chart scales to the screen's width

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
      class: count ? "diary-bar" : "diary-bar diary-bar-none",
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
    ? `${plural(total, "twitch", "twitches")} in ${WINDOW_DAYS} days; the most in one day: ${most}.`
    : `No twitches logged in the last ${WINDOW_DAYS} days.`;
  return h("section", { "aria-labelledby": "chart-title" },
    h("h2", { id: "chart-title" }, `Twitches a day, last ${WINDOW_DAYS} days`),
    h("p", {}, summary),
    h("figure", { class: "diary-chart" },
      h("div", { class: "diary-chart-plot" },
        h("div", { class: "diary-chart-scale", "aria-hidden": "true" },
          h("span", {}, String(top)), h("span", {}, String(top / 2)), h("span", {}, "0")),
        chart),
      h("div", { class: "diary-chart-days", "aria-hidden": "true" },
        h("span", {}, formatDay(days[0].day, { weekday: false })), h("span", {}, "Today")),
      h("figcaption", { class: "small" }, "Each bar is one day; a taller bar, more twitches."),
      srOnly("div", {}, h("table", {}, // a table cannot shrink below its content: its hidden box clips it
        h("caption", {}, `Twitches a day, ${formatDay(days[0].day, { weekday: false })} to today`),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Day"), h("th", { scope: "col" }, "Twitches"))),
        h("tbody", {}, days.map((d) => h("tr", {}, h("th", { scope: "row" }, formatDay(d.day)), h("td", {}, String(d.count)))))))));
}

function insightItem(app, comparison) {
  const trigger = app.content.triggers.find((t) => t.id === comparison.trigger);
  return h("li", { class: "card", "data-diary-insight": comparison.habit },
    h("h3", {}, comparison.label),
    h("p", {}, comparison.text),
    h("p", { class: "small" }, `From ${plural(comparison.days_with, "day")} with it and ${plural(comparison.days_without, "day")} without.`),
    trigger && h("p", {}, h("a", { href: `#/diary/tips/${trigger.id}`, class: "diary-more" }, `What to try: ${trigger.title}`)));
}

function habitsSection(app, comparisons, checkinCount) {
  const ready = comparisons.filter((c) => c.enough);
  const waiting = comparisons.filter((c) => !c.enough);
  return h("section", { "aria-labelledby": "habits-title" },
    h("h2", { id: "habits-title" }, "Habits and twitching"),
    h("p", {}, `A habit shows here once the last ${WINDOW_DAYS} days have at least ${MIN_DAYS_EACH_SIDE} check-ins with it and ${MIN_DAYS_EACH_SIDE} without it. `,
      "Other things change from day to day too, so a pattern is a hint to try, not proof."),
    ready.length
      ? h("ul", { class: "diary-insights" }, ready.map((c) => insightItem(app, c)))
      : h("p", {}, checkinCount
        ? "No habit has enough days on both sides yet. Keep doing the daily check-in."
        : "Do the daily check-in for a week or two, and patterns will show here.",
      " ", h("a", { href: "#/diary/checkin" }, "Do today’s check-in"), "."),
    waiting.length > 0 && checkinCount > 0 && h("details", {},
      h("summary", {}, "Not enough days yet"),
      h("ul", {}, waiting.map((c) => h("li", {},
        `${c.label}: ${plural(c.days_with, "day")} with it, ${plural(c.days_without, "day")} without.`)))));
}

export async function render(app, params, store) {
  const { entries, checkins } = await store.readAll();
  const today = todayKey();
  const comparisons = habitComparisons(entries, checkins, today);
  const checkinCount = checkinsInWindow(checkins, today).length;
  return {
    title: "Patterns",
    view: h("div", { class: "diary diary-insights-screen" },
      screenHeading("Patterns in your diary"),
      diaryNav("insights"),
      chartSection(entries, today),
      habitsSection(app, comparisons, checkinCount)),
  };
}
