// One question a screen: native radios or checkboxes with labels, progress, Next, Back and Skip.
// Only the questions that matter for the answers so far are asked (spec-v3 section 2.6: a question's `ask_when`),
// follow-ups right after their parent; progress reads "Question n of about N" and is recomputed as answers change.
// Every change is saved at once; ticking an emergency warning sign shows its advice right away, and a follow-up
// screen keeps it in view, from all the answers so far, until an answer that is not an emergency is ticked.
// A question with `must_answer` (the safety questions) has no Skip, and Next asks for an answer first.
// #/check/<id>/change comes from a Change link on the results: See results goes back to the updated results.
// #/check/<id>/detail asks the optional questions ("Add detail to sharpen the tips"), after the results.
//
// No auto-advance: a single-choice screen still needs Next. Arrow keys move between radios and tick them as they
// go, so advancing on a tick would jump a keyboard user past the options, and a screen reader would announce a new
// screen mid-choice; a mis-tap could not be seen and undone. Asking fewer questions saves more taps than that.
import { clean, toggle, urgentFlags } from "../../answers.js";
import { askedQuestions } from "../../engine.js";
import { t } from "../../words.js";
import { levelOf, triageBanner } from "../parts/advice.js";
import { h, screenHeading } from "../parts/dom.js";

/** The questions of this pass, in order, for these answers: the check's, or the optional ones ("detail"). */
function flowOf(content, answers, mode) {
  return askedQuestions(content, answers, mode === "detail");
}

/** The answers without those to questions the other answers no longer ask (a follow-up after its parent option was
 * unticked): a Change on a parent drops the follow-ups that no longer apply. Optional questions are always kept. */
export function applying(content, answers) {
  let kept = answers;
  for (;;) {
    const asked = new Set([...askedQuestions(content, kept), ...askedQuestions(content, kept, true)]);
    const next = Object.fromEntries(Object.entries(kept).filter(([id]) => asked.has(id)));
    if (Object.keys(next).length === Object.keys(kept).length) return kept;
    kept = next; // dropping one may stop another from applying (sudden_when after weakness_how)
  }
}

/** Whether some answer to `question` would lower the level the urgent flags give now: then it is asked first. */
function couldLower(content, answers, question) {
  const now = urgentFlags(content, answers).length;
  return Boolean(question?.follows) && question.options.some((option) =>
    urgentFlags(content, { ...answers, [question.id]: question.kind === "single" ? option.id : [option.id] }).length < now);
}

export function render(app, [questionId, mode]) {
  const questions = app.content.questionnaire.questions;
  const byId = new Map(questions.map((q) => [q.id, q]));
  const question = byId.get(questionId);
  const flowNow = () => flowOf(app.content, clean(app.content, app.check.answers()), mode);
  if (!question || (!flowNow().includes(question.id) && mode !== "change")) {
    // An address to a question these answers do not ask: the next one that is asked (or the first).
    const after = question ? flowNow().find((id) => questions.findIndex((q) => q.id === id) > questions.indexOf(question)) : null;
    location.replace(after ? `#/check/${after}${mode === "detail" ? "/detail" : ""}` : question && mode === "detail"
      ? "#/results" : `#/check/${flowNow()[0] ?? questions[0].id}`);
    return null;
  }
  const changing = mode === "change";
  const adding = mode === "detail";
  app.check.reach(question.id);
  let answer = clean(app.content, app.check.answers())[question.id];
  /** The answers so far, this screen's included: a follow-up's card needs its parent's answer. */
  const allAnswers = () => clean(app.content, app.check.answers());
  const screenAnswers = () => (question.follows ? allAnswers() : { [question.id]: answer });

  const alert = h("div", { class: "urgent-slot", "aria-live": "assertive" });
  const showUrgent = () => {
    const flags = urgentFlags(app.content, screenAnswers());
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
  const nextInFlow = () => {
    const flow = flowNow();
    return flow[flow.indexOf(question.id) + 1];
  };
  const forward = () => {
    if (question.must_answer && !answer) {
      problem.textContent = question.must_answer;
      for (const input of inputs) input.setAttribute("aria-invalid", "true");
      inputs[0].focus();
      return null;
    }
    const kept = applying(app.content, allAnswers());
    for (const id of Object.keys(allAnswers())) if (!(id in kept)) app.check.answer(id, undefined);
    const next = byId.get(nextInFlow());
    // What cannot wait comes before any other question, unless the next question is the follow-up that decides it.
    if (!adding && urgentFlags(app.content, screenAnswers()).length && !couldLower(app.content, allAnswers(), next)) {
      if (!changing) return app.go(`emergency/${question.id}`);
    }
    if (changing) { // a follow-up the changed answer now asks, then back to the results
      return next?.follows && allAnswers()[next.id] === undefined ? app.go(`check/${next.id}/change`) : app.go("results");
    }
    if (!next) {
      app.check.finish();
      return app.go("results");
    }
    return app.go(`check/${next.id}${adding ? "/detail" : ""}`);
  };
  const back = () => {
    const flow = flowNow();
    const n = flow.indexOf(question.id);
    if (changing || (adding && n === 0)) return app.go("results");
    return app.go(n > 0 ? `check/${flow[n - 1]}${adding ? "/detail" : ""}` : "");
  };

  const progressText = h("p", { class: "progress-text" });
  const progressBar = h("progress", { "aria-hidden": "true" });
  const showProgress = () => {
    const flow = flowNow();
    const n = Math.max(flow.indexOf(question.id), 0) + 1;
    progressText.textContent = t("question.progress", { n, total: flow.length });
    progressBar.max = flow.length;
    progressBar.value = n;
  };
  list.addEventListener("change", showProgress); // a tick may add or drop a follow-up
  showProgress();
  const last = changing || !nextInFlow();

  const helpId = `help-${question.id}`;
  const form = h("form", { class: "question", novalidate: true, onsubmit: (event) => { event.preventDefault(); forward(); } },
    progressText,
    progressBar,
    h("fieldset", { "aria-describedby": [question.help && helpId, question.must_answer && problem.id].filter(Boolean).join(" ") || null },
      h("legend", {}, screenHeading(question.text)),
      question.help && h("p", { class: "help", id: helpId }, question.help),
      problem,
      list),
    alert,
    h("div", { class: "actions" },
      h("button", { type: "submit", class: "primary" }, last ? t("question.see_results") : t("question.next")),
      h("button", { type: "button", class: "quiet", onclick: back }, t("question.back")),
      !question.must_answer && h("button", { type: "button", class: "quiet", onclick: () => { app.check.answer(question.id, undefined); answer = undefined; forward(); } }, t("question.skip"))));
  showUrgent();
  return { title: progressText.textContent, view: form };
}
