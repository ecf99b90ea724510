// Results: the triage banner first, then warning signs, ranked triggers with reasons and tips,
// things to mention to a doctor, sources and the disclaimer. Scored on this device.
import { clean } from "../answers.js";
import { assess } from "../engine.js";
import { fitLabel, summaryText } from "../summary.js";
import { t } from "../words.js";
import { flagList, tipItem, triageBanner } from "./advice.js";
import { confirmStartOver } from "./confirm.js";
import { buttonLink, h, screenHeading, sourceList } from "./dom.js";

function triggerItem(trigger, n, why) {
  return h("li", { class: "card trigger", "data-trigger": trigger.id },
    h("h3", {}, trigger.title),
    h("p", { class: "fit" }, fitLabel(trigger.score)),
    why && h("p", {}, why),
    h("h4", {}, t("results.why_it_fits")),
    h("ul", {}, trigger.reasons.map((reason) => h("li", {}, reason.text))),
    trigger.tips.length > 0 && h("details", { open: n === 0 },
      h("summary", {}, t("results.what_to_try", { count: trigger.tips.length })),
      h("ul", { class: "tips" }, trigger.tips.map((tip) => tipItem(tip, "h5")))));
}

function triggerList(content, triggers) {
  const why = new Map(content.triggers.map((trigger) => [trigger.id, trigger.why]));
  return h("section", { "aria-labelledby": "triggers-title" },
    h("h2", { id: "triggers-title" }, t("results.triggers_heading")),
    triggers.length
      ? h("ol", { class: "triggers" }, triggers.map((trigger, n) => triggerItem(trigger, n, why.get(trigger.id))))
      : h("p", {}, t("results.no_trigger")));
}

function conditionList(conditions) {
  if (!conditions.length) return null;
  return h("section", { "aria-labelledby": "conditions-title" },
    h("h2", { id: "conditions-title" }, t("results.conditions_heading")),
    h("p", {}, t("results.conditions_intro")),
    h("ul", { class: "conditions" }, conditions.map((condition) => h("li", { class: "card", "data-condition": condition.id },
      h("h3", {}, condition.title),
      h("p", { class: "calm" }, condition.calm),
      h("p", {}, h("strong", {}, t("results.why_it_came_up")), condition.reason),
      h("p", {}, h("strong", {}, t("results.tell_the_doctor")), condition.mention),
      condition.reassurance.length > 0 && [
        h("h4", {}, t("results.good_to_know")),
        h("ul", {}, condition.reassurance.map((fact) => h("li", {}, fact)))]))));
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
  const result = assess(content, answers);
  const date = new Date().toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric" });
  const startOver = () => confirmStartOver(() => {
    app.check.start();
    app.go(first.slice(2));
  });
  return {
    title: t("results.title"),
    view: h("div", { class: "results" },
      screenHeading(t("results.title")),
      triageBanner(content, result.triage),
      flagList(result.red_flags),
      triggerList(content, result.triggers),
      conditionList(result.related_conditions),
      h("section", { class: "card", "aria-labelledby": "keep-title" },
        h("h2", { id: "keep-title" }, t("results.keep_heading")),
        h("p", {}, t("results.keep_text"), " ",
          h("a", { href: "#/guide/seeing_a_doctor" }, t("results.visit_link"))),
        shareControls(summaryText(result, { title: content.title, date }))),
      sourceList(content, citedSources(content, result), t("results.sources")),
      h("p", { class: "disclaimer" }, result.disclaimer),
      h("div", { class: "actions no-print" },
        buttonLink(first, t("results.change_answers")),
        h("button", { type: "button", class: "secondary", onclick: startOver }, t("results.start_new")),
        buttonLink("#/guide", t("results.read_guide")))),
  };
}
