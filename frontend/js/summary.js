// The plain-text summary of a result, to copy, share or read out to a doctor. Pure.

/** How well a trigger fits, in words: the score is never shown as a bare number. */
export function fitLabel(score) {
  if (score >= 0.7) return "Strong match";
  if (score >= 0.4) return "Good match";
  return "Some match";
}

export function summaryText(result, { title = "Twitch trigger checker", date = "" } = {}) {
  const lines = [`${title}: my results${date ? ` (${date})` : ""}`, ""];
  lines.push(`What to do: ${result.triage.title}`, `How soon: ${result.triage.how_soon}`, result.triage.advice, "");
  if (result.red_flags.length) {
    lines.push("Warning signs I reported:");
    for (const flag of result.red_flags) lines.push(`- ${flag.title}. ${flag.advice}`);
    lines.push("");
  }
  if (result.triggers.length) {
    lines.push("Likely triggers, most likely first:");
    result.triggers.forEach((trigger, n) => {
      lines.push(`${n + 1}. ${trigger.title} (${fitLabel(trigger.score).toLowerCase()})`);
      lines.push(`   Why: ${trigger.reasons.map((reason) => reason.text).join(" ")}`);
      if (trigger.tips.length) lines.push(`   To try: ${trigger.tips.map((tip) => tip.title).join("; ")}.`);
    });
    lines.push("");
  } else {
    lines.push("No everyday trigger stood out from my answers.", "");
  }
  if (result.related_conditions.length) {
    lines.push("To mention to a doctor (information, not a diagnosis):");
    for (const condition of result.related_conditions) lines.push(`- ${condition.title}: ${condition.reason} ${condition.mention}`);
    lines.push("");
  }
  lines.push(result.disclaimer);
  return lines.join("\n");
}
