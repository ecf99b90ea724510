// Results, in the order a worried person needs them: how soon and what to do now (with call buttons), why
// (the warning signs), what to try first; then the triggers that fit, things to mention to a doctor, the answers
// given (each with Change), share and print, sources and the disclaimer. Scored on this device.
import { locale } from "../../language.js";
import { clean } from "../../answers.js";
import { askedQuestions, assess } from "../../engine.js";
import { currentRegion } from "../../region.js";
import { answerRows, fitLabel, STRONG_OR_GOOD, summaryText, tryFirst } from "../../summary.js";
import { t } from "../../words.js";
import { addDays, dayOf, formatDate } from "../../formats.js";
import { CHECK_AGAIN_AFTER_DAYS, reminderFileName, reminderIcs } from "../../reminder.js";
import { foldedFlagList, reasonList, splitFlags, tipItem, triageBanner } from "../parts/advice.js";
import { confirmStartOver } from "../parts/confirm.js";
import { buttonLink, h, screenHeading, sourceList } from "../parts/dom.js";

/** A link within the results: opens what it points to and moves there. The move is a step in the history, on the
 * same address, so the phone's Back comes back up to the results, never to the last question. */
function jumpLink(target, text) {
  return h("a", {
    href: "#/results",
    onclick: (event) => {
      event.preventDefault();
      history.pushState({ jumped: target }, "", "#/results");
      const element = document.getElementById(target);
      for (let node = element; node; node = node.parentElement) if (node.tagName === "DETAILS") node.open = true;
      element.scrollIntoView({ block: "start" });
      element.focus();
    },
  }, text);
}

/** Try first: each tip's title (a link to its card) and how, in one line (the tip's `short` in content). */
function tryFirstList(content, result) {
  const tips = tryFirst(result);
  if (!tips.length) return null;
  const how = new Map(content.tips.map((tip) => [tip.id, tip.short]));
  return h("section", { "aria-labelledby": "try-title", class: "try-first" },
    h("h2", { id: "try-title" }, t("results.try_first")),
    h("ul", { "data-try-tonight": "" }, tips.map(({ tip }) => h("li", { "data-tip": tip.id },
      jumpLink(`tip-${tip.id}`, tip.title), h("p", { class: "how" }, how.get(tip.id) ?? tip.text)))));
}

/** Keep track: log the twitch in the diary with the check's first area chosen, and a calendar reminder to check
 * again 14 days after the check (made here, downloaded; nothing is sent). Not at the urgent levels. */
function trackIt(result, answers, checkDay) {
  if (result.triage.urgent) return null;
  const area = [answers.areas ?? []].flat()[0];
  const ics = reminderIcs({
    checkDay, title: t("results.reminder_title"), description: t("results.reminder_text"),
    url: new URL("./", location.href).href,
  });
  const reminder = URL.createObjectURL(new Blob([ics], { type: "text/calendar" }));
  const remindOn = formatDate(addDays(checkDay, CHECK_AGAIN_AFTER_DAYS), locale());
  return h("ul", { class: "track-links no-print" },
    h("li", {}, h("a", { href: area ? `#/diary/log/new/${encodeURIComponent(area)}` : "#/diary/log", "data-track": "" },
      t("results.track_log"))),
    h("li", {}, h("a", { href: reminder, download: reminderFileName(checkDay) }, t("results.track_reminder", { date: remindOn }))));
}

function triggerItem(trigger, why, urgent) {
  return h("li", { class: "card trigger", "data-trigger": trigger.id },
    h("h3", {}, trigger.title),
    h("p", { class: "fit" }, fitLabel(trigger.score)),
    h("p", { class: "why-label" }, t("results.why_it_fits")),
    h("ul", {}, trigger.reasons.map((reason) => h("li", {}, reason.text))),
    trigger.tips.length > 0 && h("details", {},
      // At an emergency the tips wait until the person has been seen: never "what to try" before getting help.
      h("summary", {}, urgent ? t("results.after_seen", { count: trigger.tips.length })
        : t("results.what_to_try", { count: trigger.tips.length })),
      h("p", { class: "trigger-why" }, why),
      h("ul", { class: "tips" }, trigger.tips.map((tip) => {
        const item = tipItem(tip, "h4");
        item.id = `tip-${tip.id}`;
        item.tabIndex = -1;
        return item;
      }))));
}

/** The triggers a raised warning sign names (a medicine reaction names the medicine). */
function namedTriggers(content, flags) {
  const raised = new Set(flags.map((flag) => flag.id));
  return new Set(content.red_flags.filter((flag) => raised.has(flag.id) && flag.first_trigger).map((flag) => flag.first_trigger));
}

function triggerList(content, result) {
  const { triggers } = result;
  const urgent = result.triage.urgent;
  const why = new Map(content.triggers.map((trigger) => [trigger.id, trigger.why]));
  // At an emergency only the trigger a warning sign names stays in view; the rest are folded away.
  const named = namedTriggers(content, result.red_flags);
  const shown = (trigger) => (urgent ? named.has(trigger.id) : trigger.score >= STRONG_OR_GOOD);
  const main = triggers.filter(shown);
  const other = triggers.filter((trigger) => !shown(trigger));
  return h("section", { "aria-labelledby": "triggers-title" },
    h("h2", { id: "triggers-title" }, t("results.triggers_heading")),
    !triggers.length && h("p", {}, t("results.no_trigger")),
    main.length > 0 && h("ol", { class: "triggers" }, main.map((trigger) => triggerItem(trigger, why.get(trigger.id), urgent))),
    other.length > 0 && h("details", { class: "other-triggers" },
      h("summary", {}, t("results.other_triggers", { count: other.length })),
      h("ol", { class: "triggers" }, other.map((trigger) => triggerItem(trigger, why.get(trigger.id), urgent)))));
}

function conditionList(conditions) {
  if (!conditions.length) return null;
  return h("section", { "aria-labelledby": "conditions-title" },
    h("h2", { id: "conditions-title" }, t("results.conditions_heading")),
    h("p", {}, t("results.conditions_intro")),
    h("ul", { class: "conditions" }, conditions.map((condition) => h("li", { class: "card", "data-condition": condition.id },
      h("h3", {}, condition.title),
      h("p", { class: "calm" }, condition.calm),
      h("details", { "data-print-open": "" },
        h("summary", {}, t("results.condition_more")),
        h("p", {}, h("strong", {}, t("results.why_it_came_up")), condition.reason),
        h("p", {}, h("strong", {}, t("results.tell_the_doctor")), condition.mention),
        condition.reassurance.length > 0 && [
          h("h4", {}, t("results.good_to_know")),
          h("ul", {}, condition.reassurance.map((fact) => h("li", {}, fact)))])))));
}

/** GOV.UK's "check your answers": every answer given, each with a Change link back to its question. */
function yourAnswers(content, answers) {
  const rows = answerRows(content, answers);
  return h("section", { "aria-labelledby": "answers-title", "data-your-answers": "" },
    h("h2", { id: "answers-title" }, t("results.your_answers")),
    h("details", { "data-print-open": "" }, h("summary", {}, t("results.show_answers", { count: rows.length })),
      h("dl", { class: "answers" }, rows.map(({ question, labels }) => h("div", { class: question.follows ? "answer-row follow-up" : "answer-row",
      "data-answer": question.id, "data-follows": question.follows ?? null }, // content order: a follow-up under its parent
      h("dt", {}, question.short),
      h("dd", {}, labels.join(", ")),
      h("dd", { class: "change no-print" },
        h("a", { href: `#/check/${question.id}/change` },
          t("results.change"), h("span", { class: "visually-hidden" }, t("results.change_what", { question: question.short })))))))));
}

/** "Add detail to sharpen the tips": the optional questions (nicotine, activity, diet), never needed for the level. */
function addDetail(content, answers) {
  const optional = askedQuestions(content, answers, true);
  if (!optional.length) return null;
  const first = optional.find((id) => answers[id] === undefined) ?? optional[0];
  return h("section", { class: "add-detail no-print", "data-add-detail": "" },
    h("p", {}, t("results.add_detail_help")),
    buttonLink(`#/check/${first}/detail`, t("results.add_detail")));
}

function citedSources(content, result) {
  const sourcesOf = (items, ids) => items.filter((item) => ids.includes(item.id)).flatMap((item) => item.sources);
  const tipIds = result.triggers.flatMap((trigger) => trigger.tips.map((tip) => tip.id));
  const cautionIds = [...result.triage.cautions, ...result.triggers.flatMap((trigger) => trigger.tips.flatMap((tip) => tip.cautions))]
    .map((caution) => caution.id);
  return [
    ...sourcesOf(content.triage_levels, [result.triage.level]),
    ...sourcesOf(content.red_flags, result.red_flags.map((flag) => flag.id)),
    ...sourcesOf(content.triggers, result.triggers.map((trigger) => trigger.id)),
    ...sourcesOf(content.tips, tipIds),
    ...sourcesOf(content.cautions, cautionIds),
    ...sourcesOf(content.conditions, result.related_conditions.map((condition) => condition.id)),
  ];
}

function shareControls(text) {
  const status = h("p", { class: "small", role: "status" });
  const copyBox = h("textarea", { class: "copy-box", readonly: true, rows: "8", "aria-label": t("results.summary_label"), hidden: true });
  copyBox.value = text;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = t("results.copied");
    } catch {
      copyBox.hidden = false; // no clipboard access: let the person select and copy it themselves
      copyBox.select();
      status.textContent = t("results.select_to_copy");
    }
  };
  const share = () => navigator.share({ title: t("results.share_title"), text }).catch(() => {});
  return h("div", { class: "share" },
    h("div", { class: "actions" },
      typeof navigator.share === "function" && h("button", { type: "button", class: "secondary", onclick: share }, t("results.share")),
      h("button", { type: "button", class: "secondary", onclick: copy }, t("results.copy")),
      h("button", { type: "button", class: "secondary", onclick: () => window.print() }, t("results.print"))),
    status, copyBox);
}

export function render(app) {
  const content = app.content;
  const first = `#/check/${content.questionnaire.questions[0].id}`;
  const answers = clean(content, app.check.answers());
  if (!Object.keys(answers).length) {
    return {
      title: t("results.no_answers_title"),
      view: h("div", {}, screenHeading(t("results.no_answers_heading")),
        h("p", {}, t("results.no_answers_text")),
        buttonLink(first, t("results.start"), "primary")),
    };
  }
  const result = assess(content, answers, undefined, currentRegion(content).code);
  const saved = app.check.current();
  const checkedAt = saved?.finished_at ? new Date(saved.finished_at) : new Date();
  const checkDay = dayOf(Number.isNaN(checkedAt.getTime()) ? new Date() : checkedAt);
  const date = formatDate(new Date(), locale());
  const { warningSigns, reasons } = splitFlags(content, result.red_flags);
  const startOver = () => confirmStartOver(() => {
    app.check.start();
    app.go(first.slice(2));
  });
  return {
    title: t("results.title"),
    view: h("div", { class: "results" },
      screenHeading(t("results.title")),
      // The printout opens with what the copied summary opens with: the product's name and the date.
      h("p", { class: "print-only print-title" }, t("summary.heading_dated", { title: content.title, date })),
      triageBanner(content, result.triage, { answers }),
      foldedFlagList(content, warningSigns, t("results.why_heading")),
      tryFirstList(content, result),
      reasonList(content, reasons), // after what to try: they are reasons to book a visit, not signs to act on now
      triggerList(content, result),
      conditionList(result.related_conditions),
      addDetail(content, answers),
      yourAnswers(content, answers),
      h("section", { class: "keep no-print", "aria-labelledby": "keep-title" },
        h("h2", { id: "keep-title" }, t("results.keep_heading")),
        h("p", {}, t("results.keep_text"), " ",
          h("a", { href: "#/guide/seeing_a_doctor" }, t("results.visit_link"))),
        trackIt(result, answers, checkDay),
        shareControls(summaryText(content, result, answers, { title: content.title, date }))),
      h("details", { class: "sources-fold", "data-print-open": "" },
        h("summary", {}, t("results.sources")),
        sourceList(content, citedSources(content, result), t("results.sources"))),
      h("p", { class: "disclaimer" }, result.disclaimer),
      h("div", { class: "actions no-print" },
        h("button", { type: "button", class: "secondary", onclick: startOver }, t("results.start_new")),
        buttonLink("#/guide", t("results.read_guide")))),
  };
}
