// Results: the triage banner first, then warning signs, ranked triggers with reasons and tips,
// things to mention to a doctor, sources and the disclaimer. Scored on this device.
import { clean } from "../answers.js";
import { assess } from "../engine.js";
import { fitLabel, summaryText } from "../summary.js";
import { confirmStartOver } from "./confirm.js";
import { buttonLink, h, screenHeading, sourceList } from "./dom.js";
import { icon, TRIAGE_ICONS } from "./icons.js";

export function triageBanner(triage) {
  return h("section", { class: `triage triage-${triage.level}`, "data-triage-level": triage.level, "aria-labelledby": "triage-title" },
    icon(TRIAGE_ICONS[triage.level] ?? "warning", 40),
    h("div", {},
      h("h2", { id: "triage-title" }, triage.title),
      h("p", { class: "how-soon" }, `How soon: ${triage.how_soon}`),
      h("p", {}, triage.advice),
      cautionLines(triage.cautions)));
}

/** The lines that fit this person (pregnancy, kidney disease, children...), shown with a tip or advice. */
export function cautionLines(cautions = []) {
  return cautions.map((caution) => h("p", { class: "caution", "data-caution": caution.id }, caution.text));
}

export function redFlagList(flags) {
  if (!flags.length) return null;
  return h("section", { "aria-labelledby": "flags-title" },
    h("h2", { id: "flags-title" }, "Warning signs you told us about"),
    h("ul", { class: "flags" }, flags.map((flag) =>
      h("li", { "data-red-flag": flag.id }, h("strong", {}, flag.title), h("p", {}, flag.advice)))));
}

function triggerItem(trigger, n, why) {
  return h("li", { class: "card trigger", "data-trigger": trigger.id },
    h("h3", {}, trigger.title),
    h("p", { class: "fit" }, fitLabel(trigger.score)),
    why && h("p", {}, why),
    h("h4", {}, "Why it fits your answers"),
    h("ul", {}, trigger.reasons.map((reason) => h("li", {}, reason.text))),
    trigger.tips.length > 0 && h("details", { open: n === 0 },
      h("summary", {}, `What to try (${trigger.tips.length} tips)`),
      h("ul", { class: "tips" }, trigger.tips.map((tip) => h("li", {},
        h("h5", {}, tip.title),
        h("p", {}, tip.text),
        cautionLines(tip.cautions),
        h("p", {}, h("strong", {}, "How long: "), tip.how_long),
        h("p", {}, h("strong", {}, "What to expect: "), tip.expect))))));
}

function triggerList(content, triggers) {
  const why = new Map(content.triggers.map((t) => [t.id, t.why]));
  return h("section", { "aria-labelledby": "triggers-title" },
    h("h2", { id: "triggers-title" }, "Likely triggers, most likely first"),
    triggers.length
      ? h("ol", { class: "triggers" }, triggers.map((trigger, n) => triggerItem(trigger, n, why.get(trigger.id))))
      : h("p", {}, "No everyday trigger stood out from your answers. The guide explains the common causes."));
}

function conditionList(conditions) {
  if (!conditions.length) return null;
  return h("section", { "aria-labelledby": "conditions-title" },
    h("h2", { id: "conditions-title" }, "Things to mention to a doctor"),
    h("p", {}, "This is information to help you talk to a doctor. It is not a diagnosis: only a doctor who examines you can say what is going on."),
    h("ul", { class: "conditions" }, conditions.map((condition) => h("li", { class: "card", "data-condition": condition.id },
      h("h3", {}, condition.title),
      h("p", { class: "calm" }, condition.calm),
      h("p", {}, h("strong", {}, "Why it came up: "), condition.reason),
      h("p", {}, h("strong", {}, "What to tell the doctor: "), condition.mention),
      condition.reassurance.length > 0 && [
        h("h4", {}, "Good to know"),
        h("ul", {}, condition.reassurance.map((fact) => h("li", {}, fact)))]))));
}

function citedSources(content, result) {
  const sourcesOf = (items, ids) => items.filter((item) => ids.includes(item.id)).flatMap((item) => item.sources);
  const tipIds = result.triggers.flatMap((t) => t.tips.map((tip) => tip.id));
  return [
    ...sourcesOf(content.triage_levels, [result.triage.level]),
    ...sourcesOf(content.red_flags, result.red_flags.map((f) => f.id)),
    ...sourcesOf(content.triggers, result.triggers.map((t) => t.id)),
    ...sourcesOf(content.tips, tipIds),
    ...sourcesOf(content.conditions, result.related_conditions.map((c) => c.id)),
  ];
}

function shareControls(text) {
  const status = h("p", { class: "small", role: "status" });
  const copyBox = h("textarea", { class: "copy-box", readonly: true, rows: "8", "aria-label": "Summary of your results", hidden: true });
  copyBox.value = text;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = "Summary copied. You can paste it into a message or a note.";
    } catch {
      copyBox.hidden = false; // no clipboard access: let the person select and copy it themselves
      copyBox.select();
      status.textContent = "Select the summary below and copy it.";
    }
  };
  const share = () => navigator.share({ title: "My twitch check results", text }).catch(() => {});
  return h("div", { class: "share" },
    h("div", { class: "actions" },
      typeof navigator.share === "function" && h("button", { type: "button", class: "secondary", onclick: share }, "Share summary"),
      h("button", { type: "button", class: "secondary", onclick: copy }, "Copy summary"),
      h("button", { type: "button", class: "secondary", onclick: () => window.print() }, "Print")),
    status, copyBox);
}

export function render(app) {
  const content = app.content;
  const answers = clean(content, app.check.answers());
  if (!Object.keys(answers).length) {
    return {
      title: "Results",
      view: h("div", {}, screenHeading("No answers yet"),
        h("p", {}, "Answer the questions first, then your results show here."),
        buttonLink(`#/check/${content.questionnaire.questions[0].id}`, "Start the check", "primary")),
    };
  }
  const result = assess(content, answers);
  const date = new Date().toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric" });
  const startOver = () => confirmStartOver(() => {
    app.check.start();
    app.go(`check/${content.questionnaire.questions[0].id}`);
  });
  return {
    title: "Your results",
    view: h("div", { class: "results" },
      screenHeading("Your results"),
      triageBanner(result.triage),
      redFlagList(result.red_flags),
      triggerList(content, result.triggers),
      conditionList(result.related_conditions),
      h("section", { class: "card", "aria-labelledby": "keep-title" },
        h("h2", { id: "keep-title" }, "Keep or share a summary"),
        h("p", {}, "Show it to a doctor or pharmacist. It stays on this device unless you share it. ",
          h("a", { href: "#/guide/seeing_a_doctor" }, "What to bring and what to ask at a visit"), "."),
        shareControls(summaryText(result, { title: content.title, date }))),
      sourceList(content, citedSources(content, result)),
      h("p", { class: "disclaimer" }, result.disclaimer),
      h("div", { class: "actions no-print" },
        buttonLink(`#/check/${content.questionnaire.questions[0].id}`, "Change my answers"),
        h("button", { type: "button", class: "secondary", onclick: startOver }, "Start a new check"),
        buttonLink("#/guide", "Read the guide"))),
  };
}
