// Emergency advice, shown at once after a safety question raised an emergency sign, before any other question.
// #/emergency/<question id>: the question that raised it, which "Change my answer" opens again.
import { urgentFlags } from "../answers.js";
import { h, screenHeading } from "./dom.js";
import { icon } from "./icons.js";

export function render(app, [from]) {
  const questions = app.content.questionnaire.questions;
  const n = Math.max(questions.findIndex((q) => q.id === from), 0);
  const next = questions[n + 1] ?? questions[n];
  const flags = urgentFlags(app.content, app.check.answers());
  if (!flags.length) {
    location.replace(`#/check/${next.id}`);
    return null;
  }
  const level = app.content.triage_levels.find((l) => l.id === flags[0].level);
  const say = `Say: “${flags.map((flag) => flag.title).join(", ")}”, and when it started.`;
  return {
    title: level.title,
    view: h("div", { class: "emergency" },
      h("section", { class: `triage triage-${level.id}`, "data-triage-level": level.id },
        icon("warning", 40),
        h("div", {},
          screenHeading(level.title),
          h("p", { class: "how-soon" }, `How soon: ${level.how_soon}`),
          h("p", {}, level.advice))),
      // Tap-to-call numbers from the content; its advice also says "your local number".
      level.calls && h("ul", { class: "calls", "aria-label": "Emergency numbers" },
        level.calls.map(({ number, where }) => h("li", {},
          h("a", { class: "button call", href: `tel:${number}` }, icon("phone", 24), `Call ${number} (${where})`)))),
      h("h2", {}, "What to say"),
      h("p", {}, say),
      h("h2", {}, "Why"),
      h("ul", { class: "flags" }, flags.map((flag) =>
        h("li", { "data-red-flag": flag.id }, h("strong", {}, flag.title), h("p", {}, flag.advice)))),
      h("div", { class: "actions" },
        h("a", { class: "button secondary", href: `#/check/${questions[n].id}` }, "Change my answer"),
        h("a", { class: "button secondary", href: `#/check/${next.id}` }, "Go on with the check"))),
  };
}
