// Answers in the questionnaire's own words: {question id: option id | [option ids]}. Pure functions.
import { redFlags } from "./engine.js";

/** The answer after ticking or unticking one option; `none`-style exclusive options untick the others. */
export function toggle(question, answer, optionId, checked) {
  if (question.kind === "single") return checked ? optionId : undefined;
  const option = question.options.find((o) => o.id === optionId);
  let chosen = new Set(Array.isArray(answer) ? answer : []);
  if (!checked) chosen.delete(optionId);
  else if (option.exclusive) chosen = new Set([optionId]);
  else {
    for (const o of question.options) if (o.exclusive) chosen.delete(o.id);
    chosen.add(optionId);
  }
  const list = question.options.map((o) => o.id).filter((id) => chosen.has(id)); // content order
  return list.length ? list : undefined;
}

/** Keep only answers that fit this content: known questions and options, right kind, exclusive alone. */
export function clean(content, answers) {
  const kept = {};
  for (const question of content.questionnaire.questions) {
    const answer = answers?.[question.id];
    const ids = new Set(question.options.map((o) => o.id));
    if (question.kind === "single") {
      if (typeof answer === "string" && ids.has(answer)) kept[question.id] = answer;
      continue;
    }
    if (!Array.isArray(answer)) continue;
    let list = question.options.map((o) => o.id).filter((id) => answer.includes(id));
    const exclusive = question.options.filter((o) => o.exclusive && list.includes(o.id)).map((o) => o.id);
    if (exclusive.length && list.length > 1) list = list.filter((id) => !exclusive.includes(id));
    if (list.length) kept[question.id] = list;
  }
  return kept;
}

/** How many questions have an answer. */
export function answeredCount(content, answers) {
  return content.questionnaire.questions.filter((q) => answers[q.id] !== undefined).length;
}

/** The raised warning signs whose level cannot wait for the rest of the check (`urgent` in content), most urgent first. */
export function urgentFlags(content, answers) {
  const urgent = new Set(content.triage_levels.filter((level) => level.urgent).map((level) => level.id));
  return redFlags(content, answers).filter((flag) => urgent.has(flag.level));
}
