// The plain-text summary of a result, to copy, share or read out to a doctor. Pure: the words come from content.
import { t } from "./words.js";

// Scores at or above these read as a strong or a good match; the score is never shown as a bare number.
const STRONG_FIT = 0.7;
const GOOD_FIT = 0.4;

/** How well a trigger fits, in words. */
export function fitLabel(score) {
  if (score >= STRONG_FIT) return t("results.fit_strong");
  if (score >= GOOD_FIT) return t("results.fit_good");
  return t("results.fit_some");
}

export function summaryText(result, { title, date = "" }) {
  const lines = [date ? t("summary.heading_dated", { title, date }) : t("summary.heading", { title }), ""];
  lines.push(t("summary.what_to_do", { title: result.triage.title }), t("summary.how_soon", { how_soon: result.triage.how_soon }),
    result.triage.advice, ...result.triage.cautions.map((caution) => caution.text), "");
  if (result.red_flags.length) {
    lines.push(t("summary.flags"));
    for (const flag of result.red_flags) lines.push(`- ${flag.title}. ${flag.advice}`);
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
  lines.push(result.disclaimer);
  return lines.join("\n");
}
