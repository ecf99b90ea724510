// One question a screen: native radios or checkboxes with labels, progress, Next, Back and Skip.
// Every change is saved at once; ticking an emergency warning sign shows its advice right away.
// A question with `must_answer` (the safety questions) has no Skip, and Next asks for an answer first.
// #/check/<id>/change comes from a Change link on the results: See results goes back to the updated results.
import { clean, toggle, urgentFlags } from "../../answers.js";
import { t } from "../../words.js";
import { levelOf, triageBanner } from "../parts/advice.js";
import { h, screenHeading } from "../parts/dom.js";

export function render(app, [questionId, mode]) {
  const questions = app.content.questionnaire.questions;
  const n = questions.findIndex((q) => q.id === questionId);
  if (n < 0) {
    location.replace(`#/check/${questions[0].id}`);
    return null;
  }
  const question = questions[n];
  const changing = mode === "change";
  const last = changing || n === questions.length - 1;
  app.check.reach(question.id);
  let answer = clean(app.content, app.check.answers())[question.id];

  const alert = h("div", { class: "urgent-slot", "aria-live": "assertive" });
  const showUrgent = () => {
    const flags = urgentFlags(app.content, { [question.id]: answer });
    alert.replaceChildren();
    if (!flags.length) return;
    const level = levelOf(app.content, flags[0].level);
    alert.append(triageBanner(app.content, { ...level, level: level.id, cautions: [] },
      { heading: (text) => h("p", { class: "urgent-title", id: "triage-title" }, h("strong", {}, text)) }));
    alert.scrollIntoView({ block: "nearest", behavior: "instant" }); // the advice and its call buttons in view at once
  };

  const inputs = question.options.map((option) => h("input", {
    type: question.kind === "single" ? "radio" : "checkbox",
    name: question.id,
    value: option.id,
    id: `option-${option.id}`,
    checked: [answer ?? []].flat().includes(option.id),
  }));
  const list = h("div", { class: "options" }, question.options.map((option, i) =>
    h("label", { class: "option", for: inputs[i].id }, inputs[i], h("span", {}, option.label))));

  list.addEventListener("change", (event) => {
    answer = toggle(question, answer, event.target.value, event.target.checked);
    const chosen = [answer ?? []].flat();
    for (const input of inputs) input.checked = chosen.includes(input.value); // `none` unticks the others
    app.check.answer(question.id, answer);
    if (answer) {
      problem.textContent = "";
      for (const input of inputs) input.removeAttribute("aria-invalid");
    }
    showUrgent();
  });

  const problem = h("p", { class: "field-error", id: `error-${question.id}`, role: "alert" });
  const forward = () => {
    if (question.must_answer && !answer) {
      problem.textContent = question.must_answer;
      for (const input of inputs) input.setAttribute("aria-invalid", "true");
      inputs[0].focus();
      return null;
    }
    // What this screen's answer raises that cannot wait: its advice comes before any other question.
    if (urgentFlags(app.content, { [question.id]: answer }).length && !changing) return app.go(`emergency/${question.id}`);
    if (last) {
      app.check.finish();
      return app.go("results");
    }
    return app.go(`check/${questions[n + 1].id}`);
  };

  const helpId = `help-${question.id}`;
  const form = h("form", { class: "question", novalidate: true, onsubmit: (event) => { event.preventDefault(); forward(); } },
    h("p", { class: "progress-text" }, t("question.progress", { n: n + 1, total: questions.length })),
    h("progress", { max: questions.length, value: n + 1, "aria-hidden": "true" }),
    h("fieldset", { "aria-describedby": [question.help && helpId, question.must_answer && problem.id].filter(Boolean).join(" ") || null },
      h("legend", {}, screenHeading(question.text)),
      question.help && h("p", { class: "help", id: helpId }, question.help),
      problem,
      list),
    alert,
    h("div", { class: "actions" },
      h("button", { type: "submit", class: "primary" }, last ? t("question.see_results") : t("question.next")),
      h("button", { type: "button", class: "quiet", onclick: () => app.go(changing ? "results" : n ? `check/${questions[n - 1].id}` : "") }, t("question.back")),
      !question.must_answer && h("button", { type: "button", class: "quiet", onclick: () => { app.check.answer(question.id, undefined); answer = undefined; forward(); } }, t("question.skip"))));
  showUrgent();
  return { title: t("question.progress", { n: n + 1, total: questions.length }), view: form };
}
