// What a result says in order of importance, shared by the results screen and the plain-text summary a person
// copies, shares or reads out to a doctor (the same things the printout holds). Pure: the words come from content.
import { t } from "./words.js";

// Scores at or above these read as a strong or a good match; the score is never shown as a bare number.
const STRONG_FIT = 0.7;
const GOOD_FIT = 0.4;
/** Triggers below a good match are folded away as "other things that may play a part". */
export const STRONG_OR_GOOD = GOOD_FIT;
// Things to try first: one tip from each of the top triggers, at most this many, so the first screen stays short.
const TRY_FIRST = 3;

/** How well a trigger fits, in words. */
export function fitLabel(score) {
  if (score >= STRONG_FIT) return t("results.fit_strong");
  if (score >= GOOD_FIT) return t("results.fit_good");
  return t("results.fit_some");
}

/** The first tip of each of the top triggers: [{trigger, tip}], at most TRY_FIRST. None at the urgent levels: there
 * nothing may suggest self-care before the emergency care (spec-v3 section 1). */
export function tryFirst(result) {
  if (result.triage.urgent) return [];
  return result.triggers.filter((trigger) => trigger.tips.length).slice(0, TRY_FIRST)
    .map((trigger) => ({ trigger, tip: trigger.tips[0] }));
}

/** Every answer given, in asking order: [{question, labels}] with the options' words. */
export function answerRows(content, answers) {
  return content.questionnaire.questions.filter((question) => answers[question.id] !== undefined).map((question) => {
    const chosen = [answers[question.id]].flat();
    return { question, labels: question.options.filter((option) => chosen.includes(option.id)).map((option) => option.label) };
  });
}

export function summaryText(content, result, answers, { title, date = "" }) {
  const lines = [date ? t("summary.heading_dated", { title, date }) : t("summary.heading", { title }), ""];
  lines.push(t("summary.what_to_do", { title: result.triage.title }), t("summary.how_soon", { how_soon: result.triage.how_soon }),
    result.triage.advice, ...result.triage.cautions.map((caution) => caution.text), "");
  if (result.red_flags.length) {
    lines.push(t("summary.flags"));
    for (const flag of result.red_flags) lines.push(`- ${flag.title}. ${flag.advice}`);
    lines.push("");
  }
  const first = tryFirst(result);
  if (first.length) {
    lines.push(t("summary.try_first"));
    for (const { tip } of first) lines.push(`- ${tip.title}: ${tip.text}`);
    lines.push("");
  }
  if (result.triggers.length) {
    lines.push(t("summary.triggers"));
    result.triggers.forEach((trigger, n) => {
      lines.push(t("summary.trigger", { n: n + 1, title: trigger.title, fit: fitLabel(trigger.score).toLowerCase() }));
      lines.push(`   ${t("summary.why", { reasons: trigger.reasons.map((reason) => reason.text).join(" ") })}`);
      if (trigger.tips.length) lines.push(`   ${t("summary.to_try", { tips: trigger.tips.map((tip) => tip.title).join("; ") })}`);
    });
    lines.push("");
  } else {
    lines.push(t("summary.no_trigger"), "");
  }
  if (result.related_conditions.length) {
    lines.push(t("summary.conditions"));
    for (const condition of result.related_conditions) lines.push(`- ${condition.title}: ${condition.reason} ${condition.mention}`);
    lines.push("");
  }
  lines.push(t("summary.answers"));
  for (const { question, labels } of answerRows(content, answers)) lines.push(`- ${question.short}: ${labels.join(", ")}`);
  lines.push("", result.disclaimer);
  return lines.join("\n");
}
