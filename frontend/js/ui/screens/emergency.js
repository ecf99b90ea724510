// Emergency advice, shown at once after a safety question raised an emergency sign, before any other question.
// #/emergency/<question id>: the question that raised it, which "Change my answer" opens again.
import { clean, urgentFlags } from "../../answers.js";
import { askedQuestions } from "../../engine.js";
import { t } from "../../words.js";
import { flagList, levelOf, triageBanner } from "../parts/advice.js";
import { h, screenHeading } from "../parts/dom.js";

export function render(app, [from]) {
  const questions = app.content.questionnaire.questions;
  const n = Math.max(questions.findIndex((q) => q.id === from), 0);
  const answers = clean(app.content, app.check.answers());
  const flow = askedQuestions(app.content, answers); // the questions these answers ask: the check goes on with them
  const next = questions.find((q) => flow.includes(q.id) && questions.indexOf(q) > n) ?? questions[n];
  const flags = urgentFlags(app.content, answers);
  if (!flags.length) {
    location.replace(`#/check/${next.id}`);
    return null;
  }
  const level = levelOf(app.content, flags[0].level);
  const triage = { ...level, level: level.id, cautions: [] };
  return {
    title: level.title,
    view: h("div", { class: "emergency" },
      triageBanner(app.content, triage, { heading: (text) => screenHeading(text, { id: "triage-title" }) }),
      h("h2", {}, t("emergency.what_to_say")),
      h("p", {}, t("emergency.say", { signs: flags.map((flag) => flag.title).join(", ") })),
      flagList(app.content, flags, t("emergency.why")),
      h("div", { class: "actions" },
        h("a", { class: "button secondary", href: `#/check/${questions[n].id}` }, t("emergency.change_answer")),
        h("a", { class: "button secondary", href: `#/check/${next.id}` }, t("emergency.go_on")))),
  };
}
