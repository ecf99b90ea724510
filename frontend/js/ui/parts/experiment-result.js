// What a personal experiment gave (docs: the personal-experiment contract, sections 8, 9, 10 and 12): the result's
// words, chart and table for a finished experiment, what was logged for a stopped one, and the section the summary
// for a doctor prints. Nothing here before the plan's last day: no result, trend or hint while it runs. The numbers
// come from experiment-plan.js's experimentFindings, computed from the records each time, so this screen and the
// printed summary always agree; the words are content's (diary.experiment.*).
import { lastDay } from "../../diary/experiment.js";
import {
  experimentFindings, experimentKind, experimentStatus, finishedSoFar, kindCountedAreas, planDayNumber,
} from "../../diary/experiment-plan.js";
import { locale } from "../../language.js";
import { t } from "../../words.js";
import { append, h } from "./dom.js";
import { areaLabel, formatDay } from "./diary-format.js";

const SVG = "http://www.w3.org/2000/svg";
// The chart in viewBox units: a slot per day, a band above the bars for the word "Change", room on the right for
// the two averages' labels. A score of 10 is PLOT.height tall.
const PLOT = { top: 14, height: 100, slot: 8, bar: 6, labels: 78 };
// Below this share of counted change days kept, the result says it is about trying the change, not doing it.
const KEPT_ENOUGH = 0.7;
// The chance sentence says "about 1 time in n" below this p, and "about k times in 10" from it on.
const ONE_IN_N_BELOW = 0.1;
// Each chart's hatch pattern gets its own id: the summary and a screen may draw more than one.
let charts = 0;

/** A number as the person reads it: one decimal, always, with the locale's decimal mark ("2.6", "2,6"). */
function decimal(value) {
  const mark = new Intl.NumberFormat(locale()).formatToParts(1.5).find((part) => part.type === "decimal")?.value ?? ".";
  return value.toFixed(1).replace(".", mark);
}

/** A value for a machine-readable attribute: 3 decimals, "." in every language; "" for none. */
const machine = (value) => (value === null || value === undefined ? "" : value.toFixed(3));

/** Days as a list the locale reads: "3 June, 5 June and 9 June". */
function dayList(days) {
  return new Intl.ListFormat(locale(), { type: "conjunction" }).format(days.map((day) => formatDay(day, { weekday: false })));
}

function svg(tag, attributes = {}, text = null) {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== null) element.textContent = text;
  return element;
}

// The result's sentences, in the contract's order -----------------------------------------------------------

/** "If the change made no difference, a gap this big … about 1 time in 42" (or "… about 5 times in 10"). */
function chanceSentence(primary) {
  if (primary.verdict === "rose") {
    return primary.p_rose < ONE_IN_N_BELOW
      ? t("diary.experiment.chance_rose_in_n", { n: Math.round(1 / primary.p_rose) })
      : t("diary.experiment.chance_rose_in_ten", { count: Math.min(9, Math.round(10 * primary.p_rose)) });
  }
  // A gap the other way is no sign the change lowered anything: the chance sentence would mislead.
  if (primary.difference <= 0) return t("diary.experiment.not_lower");
  return primary.p_fell < ONE_IN_N_BELOW
    ? t("diary.experiment.chance_in_n", { n: Math.round(1 / primary.p_fell) })
    : t("diary.experiment.chance_in_ten", { count: Math.min(9, Math.round(10 * primary.p_fell)) });
}

/** The 90% range for the drop, in words: drops, rises, or anything from a rise to a drop; null when open-ended. */
function rangeSentence([low, high]) {
  if (low === null || high === null) return null;
  if (low > 0) return t("diary.experiment.range_drop", { low: decimal(low), high: decimal(high) });
  if (high < 0) return t("diary.experiment.range_rise", { low: decimal(-high), high: decimal(-low) });
  return t("diary.experiment.range_spans", { rise: decimal(-low), drop: decimal(high) });
}

const HEADLINES = {
  fell: () => t("diary.experiment.result_fell"),
  unclear: () => t("diary.experiment.result_unclear"),
  rose: () => t("diary.experiment.result_rose"),
  not_enough: () => t("diary.experiment.result_not_enough"),
};

/** The result's sentences after the headline: the two averages, chance, the range, and for unclear its note. */
function resultSentences(primary) {
  if (primary.verdict === "not_enough") return [t("diary.experiment.not_enough_more")];
  return [
    t("diary.experiment.means", { usual: decimal(primary.mean_usual), change: decimal(primary.mean_change) }),
    chanceSentence(primary),
    rangeSentence(primary.range),
    primary.verdict === "unclear" && t("diary.experiment.unclear_note"),
  ].filter(Boolean);
}

/** What was counted, how the change was kept, and when it was kept too rarely to be about doing it. */
function countedSentences(findings) {
  const { counted, kept } = findings;
  // One adherence line: under 70% the same numbers, with what they mean for the result.
  const low = kept.change.days > 0 && kept.change.yes / kept.change.days < KEPT_ENOUGH;
  return [
    t("diary.experiment.counted", { counted: counted.all, countable: counted.countable, missing: counted.missing }),
    low ? t("diary.experiment.kept_low", { kept: kept.change.yes, days: kept.change.days })
      : t("diary.experiment.kept", { kept: kept.change.yes, change_days: kept.change.days }),
  ];
}

/** "You also logged 4.8 twitches a day on usual days and 2.0 on change days" (eyelid twitches for screen breaks). */
function secondarySentence(app, experiment, secondary) {
  // Not for someone who logged no twitch on any counted day: "0.0 twitches a day" would only say the log was unused.
  if (secondary.mean_usual === undefined || secondary.periods.every((value) => !value)) return null;
  const values = { usual: decimal(secondary.mean_usual), change: decimal(secondary.mean_change) };
  const areas = kindCountedAreas(app.content, experiment.kind);
  if (!areas) return t("diary.experiment.secondary", values);
  const named = areas.map((area) => areaLabel(app.content, area).toLocaleLowerCase(locale()));
  return t("diary.experiment.secondary_in_areas", { ...values, areas: new Intl.ListFormat(locale(), { type: "disjunction" }).format(named) });
}

/** "You stopped this experiment on {day}" only when the person did; else "This experiment stopped on {day}". */
function stoppedHeadline(experiment) {
  const day = formatDay(experiment.ended_on);
  return experiment.stop_reason === "person" ? t("diary.experiment.result_stopped", { day })
    : t("diary.experiment.result_stopped_app", { day });
}

// The chart and its tables -----------------------------------------------------------------------------------

const planWord = (plan) => (plan === "change" ? t("diary.experiment.change") : t("diary.experiment.usual"));
const keptWord = (kept) => ({ yes: t("diary.experiment.kept_yes"), partly: t("diary.experiment.kept_partly"), no: t("diary.experiment.kept_no") })[kept];

/** Runs of consecutive change periods, as [first day index, day count]: one striped band each. */
function changeBands(days) {
  const bands = [];
  days.forEach((day, n) => {
    if (day.plan !== "change") return;
    const last = bands.at(-1);
    if (last && last[0] + last[1] === n) last[1] += 1;
    else bands.push([n, 1]);
  });
  return bands;
}

/**
 * The days as bars, drawn by the app and hidden from screen readers (the table below carries the same numbers):
 * change periods on a striped band with the word "Change" above (never colour alone), settling days outlined,
 * days without a check-in a short dash on the baseline, and the two averages as labelled lines when `means`.
 */
function dayChart(days, means) {
  charts += 1;
  const hatch = `experiment-hatch-${charts}`;
  const width = days.length * PLOT.slot;
  const base = PLOT.top + PLOT.height;
  const y = (score) => base - (score / 10) * PLOT.height;
  const chart = svg("svg", {
    viewBox: `0 0 ${width + PLOT.labels} ${base + 6}`, class: "experiment-chart-svg", "aria-hidden": "true", focusable: "false",
  });
  const pattern = svg("pattern", { id: hatch, patternUnits: "userSpaceOnUse", width: 5, height: 5, patternTransform: "rotate(45)" });
  pattern.append(svg("line", { x1: 0, y1: 0, x2: 0, y2: 5, class: "experiment-hatch" }));
  const defs = svg("defs");
  defs.append(pattern);
  chart.append(defs);
  for (const [first, count] of changeBands(days)) {
    const x = first * PLOT.slot;
    const bandWidth = count * PLOT.slot;
    chart.append(svg("rect", { x, y: PLOT.top, width: bandWidth, height: PLOT.height, class: "experiment-band" }));
    chart.append(svg("rect", { x, y: PLOT.top, width: bandWidth, height: PLOT.height, fill: `url(#${hatch})` }));
    // A single period's band is narrower than the word; the next band is a usual period away, so it has room.
    // A band at the chart's left edge has no room before it: its word starts at the edge instead of being cut.
    const atEdge = x === 0;
    chart.append(svg("text", {
      x: atEdge ? 0 : x + bandWidth / 2, y: PLOT.top - 3, class: "experiment-chart-label", "text-anchor": atEdge ? "start" : "middle",
    }, t("diary.experiment.change")));
  }
  for (const score of [5, 10]) chart.append(svg("line", { x1: 0, x2: width, y1: y(score), y2: y(score), class: "diary-chart-grid" }));
  days.forEach((day, n) => {
    const x = n * PLOT.slot + (PLOT.slot - PLOT.bar) / 2;
    if (day.score === null) {
      chart.append(svg("line", { x1: x + 1, x2: x + PLOT.bar - 1, y1: base + 2.5, y2: base + 2.5, class: "experiment-missing" }));
      return;
    }
    const height = Math.max(1.5, base - y(day.score)); // a 0 still shows, so it reads as "none" and not "missing"
    chart.append(svg("rect", {
      x, y: base - height, width: PLOT.bar, height, class: day.settling ? "experiment-bar experiment-bar-settling" : "experiment-bar",
    }));
  });
  chart.append(svg("line", { x1: 0, x2: width, y1: base, y2: base, class: "diary-chart-axis" }));
  if (means) {
    const lines = [
      { value: means.usual, text: t("diary.experiment.chart_usual_mean", { value: decimal(means.usual) }), class: "experiment-mean experiment-mean-usual" },
      { value: means.change, text: t("diary.experiment.chart_change_mean", { value: decimal(means.change) }), class: "experiment-mean experiment-mean-change" },
    ];
    // Labels closer than a line of text apart are pushed apart, the higher one up.
    const [high, low] = means.usual >= means.change ? lines : [lines[1], lines[0]];
    const gap = 11;
    const labelY = { high: y(high.value) + 3, low: y(low.value) + 3 };
    if (labelY.low - labelY.high < gap) {
      const middle = (labelY.low + labelY.high) / 2;
      Object.assign(labelY, { high: middle - gap / 2, low: middle + gap / 2 });
    }
    for (const [line, at] of [[high, labelY.high], [low, labelY.low]]) {
      chart.append(svg("line", { x1: 0, x2: width, y1: y(line.value), y2: y(line.value), class: line.class }));
      chart.append(svg("text", { x: width + 3, y: at, class: "experiment-chart-label" }, line.text));
    }
  }
  return chart;
}

/** The screen reader's table of the chart: one row per plan day (day, plan, score, kept). */
function dayTable(days) {
  const planCell = (day) => (day.settling ? t("diary.experiment.plan_settling", { plan: planWord(day.plan) }) : planWord(day.plan));
  return h("div", { class: "diary-sr-only" }, h("table", {}, // a table cannot shrink below its content: its hidden box clips it
    h("caption", {}, t("diary.experiment.table_caption", { from: formatDay(days[0].day, { weekday: false }) })),
    h("thead", {}, h("tr", {}, [t("diary.experiment.day_column"), t("diary.experiment.plan_column"), t("diary.experiment.score_column"),
      t("diary.experiment.kept_column")].map((column) => h("th", { scope: "col" }, column)))),
    h("tbody", {}, days.map((day) => h("tr", {},
      h("th", { scope: "row" }, formatDay(day.day)),
      h("td", {}, planCell(day)),
      h("td", {}, day.score === null ? t("diary.experiment.no_checkin") : String(day.score)),
      h("td", {}, day.kept ? keptWord(day.kept) : ""))))));
}

/** The chart of the plan's days, with its table; the averages' lines only with a result to show. */
function chartFigure(days, means = null) {
  return [
    h("h3", {}, t("diary.experiment.chart_heading")),
    h("figure", { class: "diary-chart experiment-chart", "data-experiment-chart": "" },
      dayChart(days, means),
      h("figcaption", { class: "small" }, means
        ? `${t("diary.experiment.chart_caption")} ${t("diary.experiment.chart_caption_means")}`
        : t("diary.experiment.chart_caption")),
      dayTable(days)),
  ];
}

/** Each period's value (the mean of its counted days' scores), or "not counted"; `data-period-value` as a machine reads it. */
function periodTable(findings) {
  const columns = [t("diary.experiment.period_column"), t("diary.experiment.plan_column"), t("diary.experiment.scores_column"),
    t("diary.experiment.value_column")];
  const rows = findings.primary.periods.map((value, n) => {
    const days = findings.days.filter((day) => day.period === n + 1);
    const scores = days.filter((day) => day.counted).map((day) => String(day.score)).join(", ");
    const cells = [planWord(days[0].plan), scores, value === null ? t("diary.experiment.not_counted") : decimal(value)];
    return h("tr", { "data-period-value": machine(value) },
      h("th", { scope: "row" }, String(n + 1)),
      cells.map((cell, column) => h("td", { "data-label": columns[column + 1] }, cell)));
  });
  return h("div", { class: "table-wrap", role: "region", "aria-label": t("diary.experiment.periods_caption"), tabindex: "0" },
    h("table", { class: "diary-table experiment-periods", "data-experiment-periods": "" },
      h("caption", {}, t("diary.experiment.periods_caption")),
      h("thead", {}, h("tr", {}, columns.map((column) => h("th", { scope: "col" }, column)))),
      h("tbody", {}, rows)));
}

/** The folded details: how many of the orders give a gap at least as big, the p-value, the period values. */
function details(findings) {
  const { primary } = findings;
  const numbers = primary.verdict === "not_enough" ? [] : [
    primary.verdict === "rose"
      ? t("diary.experiment.orders_rose", { count: primary.at_most_as_big, orders: primary.orders })
      : t("diary.experiment.orders", { count: primary.at_least_as_big, orders: primary.orders }),
    t("diary.experiment.p_value", { p: decimal3(primary.verdict === "rose" ? primary.p_rose : primary.p_fell) }),
  ];
  // The secondary outcome is tested the same way; it never decides the headline.
  const { secondary } = findings;
  if (secondary.verdict !== "not_enough") {
    numbers.push(t("diary.experiment.orders_secondary", { count: secondary.at_least_as_big, orders: secondary.orders,
      p: decimal3(secondary.p_fell) }));
  }
  return h("details", { class: "experiment-details" },
    h("summary", {}, t("diary.experiment.details")),
    numbers.map((sentence) => h("p", {}, sentence)),
    periodTable(findings));
}

/** A p-value as the person reads it: 3 decimals with the locale's decimal mark. */
function decimal3(value) {
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(value);
}

// The parts ---------------------------------------------------------------------------------------------------

/** An outcome's numbers as machine-readable attributes (none for not_enough). */
function numbersOf(outcome) {
  if (outcome.verdict === "not_enough") return {};
  return {
    "data-mean-usual": machine(outcome.mean_usual),
    "data-mean-change": machine(outcome.mean_change),
    "data-difference": machine(outcome.difference),
    "data-p-fell": machine(outcome.p_fell),
    "data-p-rose": machine(outcome.p_rose),
    "data-range": outcome.range.map(machine).join(","),
  };
}

/** The element every finished result hangs on, with the contract's machine-readable attributes. */
function resultElement(findings) {
  const { primary, counted } = findings;
  return h("div", {
    class: "experiment-result", "data-experiment-result": primary.verdict, ...numbersOf(primary), "data-orders": String(primary.orders),
    "data-counted-usual": String(counted.usual), "data-counted-change": String(counted.change),
  });
}

/** "You reported warning signs on …. This result says nothing about them; the advice for them stands." */
function warningSignsLine(findings) {
  if (!findings.warning_sign_days.length) return null;
  return h("p", { class: "experiment-warning-signs", "data-experiment-warning-signs": "" },
    t("diary.experiment.warning_signs_during", { days: dayList(findings.warning_sign_days.map((day) => day.day)) }));
}

/** What comes after every outcome: see a GP after 2 weeks, and the way to the doctor's summary and the tips. */
function nextSteps(app, experiment) {
  const tip = app.content.tips.find((item) => item.id === experiment.kind);
  const trigger = app.content.triggers.find((item) => item.id === tip?.trigger);
  return [
    h("p", {}, t("diary.experiment.gp_line")),
    h("ul", { class: "experiment-links" },
      h("li", {}, h("a", { href: "#/diary/summary", class: "diary-more" }, t("diary.experiment.to_summary"))),
      trigger && h("li", {}, h("a", { href: `#/diary/tips/${trigger.id}`, class: "diary-more" }, t("diary.what_to_try", { trigger: trigger.title })))),
  ];
}

/** A stopped experiment, or one paused to its end: no verdict, only why and what was logged. */
function noAnswer(app, experiment, findings, headline) {
  const checkedIn = findings.days.filter((day) => day.checked_in).length;
  let why = null; // the person knows why they stopped it; the app says why it did
  if (experiment.status === "stopped" && experiment.stop_reason === "warning_signs") {
    why = t("diary.experiment.stopped_warning_signs", { day: formatDay(experiment.ended_on) });
  } else if (experiment.status === "stopped" && experiment.stop_reason === "replaced") {
    why = t("diary.experiment.stopped_replaced");
  }
  return [
    h("p", { class: "lead", "data-experiment-headline": experiment.status }, headline),
    why && h("p", {}, why),
    h("p", {}, t("diary.experiment.stopped_logged", { count: checkedIn })),
    checkedIn > 0 && chartFigure(findings.days),
    nextSteps(app, experiment),
  ];
}

/**
 * The outcome section of experiment `experiment` on `today`, or null while it is upcoming, running or paused
 * inside its plan. `records`: {checkins, entries, experiments} from the diary's storage (check-ins and entries of
 * the plan's days at least; every experiment, for the line about running several).
 */
export function experimentOutcome(app, experiment, records, today) {
  const status = experimentStatus(experiment, today);
  if (status === "upcoming" || status === "running" || (status === "paused" && today <= lastDay(experiment))) return null;
  const findings = experimentFindings(app.content, experiment, records);
  const section = h("section", { class: "experiment-outcome", "aria-labelledby": "experiment-outcome-title" },
    h("h2", { id: "experiment-outcome-title" }, t("diary.experiment.result_heading")));
  if (status === "stopped" || status === "paused") {
    const headline = status === "stopped"
      ? stoppedHeadline(experiment)
      : t("diary.experiment.result_paused", { day: formatDay(experiment.paused_on) });
    return append(section, noAnswer(app, experiment, findings, headline));
  }
  const { primary } = findings;
  const result = resultElement(findings);
  const enough = primary.verdict !== "not_enough";
  result.append(
    h("p", { class: "lead" }, HEADLINES[primary.verdict]()),
    ...resultSentences(primary).map((sentence) => h("p", {}, sentence)),
    ...chartFigure(findings.days, enough ? { usual: primary.mean_usual, change: primary.mean_change } : null),
    ...countedSentences(findings).map((sentence) => h("p", {}, sentence)),
  );
  const secondary = enough && secondarySentence(app, experiment, findings.secondary);
  if (secondary) result.append(h("p", { "data-experiment-secondary": findings.secondary.verdict, ...numbersOf(findings.secondary) }, secondary));
  result.append(
    h("p", {}, t("diary.experiment.limits")));
  if (primary.verdict === "fell") result.append(h("p", {}, t("diary.experiment.keep_going")));
  append(result, [nextSteps(app, experiment), details(findings)]);
  if (finishedSoFar(records.experiments ?? [experiment], experiment, today) >= 3) {
    result.append(h("p", { "data-experiment-several": "" }, t("diary.experiment.several")));
  }
  return append(section, [warningSignsLine(findings), result]);
}

/**
 * The summary for a doctor's section on `experiment` (the latest one overlapping its 30 days), with the CENT items
 * a clinician needs: the kind and its tip, the dates, the design in one line, the outcome, the period values,
 * counted days and adherence, warning signs during it, and the result's sentences (or why there is none yet).
 */
export function experimentSummary(app, experiment, records, today) {
  const status = experimentStatus(experiment, today);
  const findings = experimentFindings(app.content, experiment, records);
  const kind = experimentKind(app.content, experiment.kind);
  const tip = app.content.tips.find((item) => item.id === experiment.kind);
  const changes = experiment.order.filter((plan) => plan === "change").length;
  const question = kind?.score_question ?? t("diary.experiment.score_question");
  const signs = findings.warning_sign_days;
  const section = h("section", { "aria-labelledby": "sum-experiment", "data-summary-experiment": status },
    h("h2", { id: "sum-experiment" }, t("diary.experiment.summary_heading")),
    h("p", {}, t("diary.experiment.summary_tested", { tip: tip?.title ?? experiment.kind })),
    kind && h("ul", {},
      h("li", {}, t("diary.experiment.change_days", { change: kind.change })),
      h("li", {}, t("diary.experiment.usual_days", { usual: kind.usual }))),
    h("p", {}, t("diary.experiment.summary_dates", {
      from: formatDay(experiment.start_day, { year: true, weekday: false }), to: formatDay(lastDay(experiment), { year: true, weekday: false }),
    })),
    h("p", {}, t("diary.experiment.summary_design", { periods: experiment.order.length, days: experiment.period_days, change: changes })),
    h("p", {}, t("diary.experiment.summary_outcome", { question })),
    signs.length
      ? [h("p", {}, t("diary.experiment.warning_signs_during", { days: dayList(signs.map((day) => day.day)) })),
        h("ul", {}, signs.map((day) => h("li", {}, t("diary.summary.signs_on_day", { day: formatDay(day.day), signs: signLabels(app, day.signs) }))))]
      : h("p", {}, t("diary.experiment.summary_no_warning_signs")));
  if (status === "running" || status === "upcoming") {
    section.append(h("p", { class: "lead" }, status === "upcoming"
      ? t("diary.experiment.summary_upcoming", { day: formatDay(experiment.start_day) })
      : t("diary.experiment.summary_running", { n: planDayNumber(experiment, today), days: findings.days.length })));
    return section;
  }
  if (status === "paused") {
    section.append(h("p", { class: "lead" }, t("diary.experiment.summary_paused", { day: formatDay(experiment.paused_on) })));
    return section;
  }
  if (status === "stopped") {
    section.append(h("p", { class: "lead" }, stoppedHeadline(experiment)));
    return section;
  }
  const { primary } = findings;
  section.append(
    h("p", { class: "lead", "data-summary-result": primary.verdict }, HEADLINES[primary.verdict]()),
    ...resultSentences(primary).map((sentence) => h("p", {}, sentence)),
    ...countedSentences(findings).map((sentence) => h("p", {}, sentence)));
  const secondary = primary.verdict !== "not_enough" && secondarySentence(app, experiment, findings.secondary);
  if (secondary) section.append(h("p", {}, secondary));
  section.append(periodTable(findings), h("p", {}, t("diary.experiment.limits")));
  return section;
}

/** The warning signs of a day, in the questionnaire's words. */
function signLabels(app, signs) {
  const options = app.content.questionnaire.questions.filter((q) => q.id === "warning_signs" || q.id === "other_signs")
    .flatMap((q) => q.options);
  return signs.map((sign) => options.find((option) => option.id === sign)?.label ?? sign).join("; ");
}
