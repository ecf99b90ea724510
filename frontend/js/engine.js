// The assessment engine: pure functions of (content, answers), no DOM and no I/O.
// `assess` takes the steps below in order. api/engine.py has the same functions in the same order;
// tests/vectors/assessments.json and tests/test_engine_parity.py hold both to the same results.
// The few look-ups the steps share (`buildIndex`) can be built once per bundle and passed in.

/** The option ids of one answer: a single id, a list of ids, or nothing. */
export function picked(answer) {
  if (answer === undefined || answer === null) return new Set();
  if (typeof answer === "string") return new Set([answer]);
  return new Set(answer);
}

function answerTo(answers, questionId) {
  return Object.hasOwn(answers, questionId) ? answers[questionId] : undefined;
}

/** Whether one test on one answer holds (see content/GUIDELINES.md for the kinds). */
export function testHolds(test, answers) {
  const options = [...picked(answerTo(answers, test.question))];
  if ("includes_any" in test) return options.some((option) => test.includes_any.includes(option));
  if ("includes_other_than" in test) return options.some((option) => !test.includes_other_than.includes(option));
  if ("includes_none" in test) return !options.some((option) => test.includes_none.includes(option));
  if ("unanswered" in test) return options.length === 0;
  return options.length >= test.count_at_least;
}

/** One alternative of a rule: a single test, or `all` of several tests. */
export function entryHolds(entry, answers) {
  if ("all" in entry) return entry.all.every((test) => testHolds(test, answers));
  return testHolds(entry, answers);
}

/** A rule (red flag `when`, trigger `when`, condition `unless`, caution `when`...) holds when any entry does. */
export function anyHolds(rule, answers) {
  return rule.some((entry) => entryHolds(entry, answers));
}

/** The ids of the questions to ask, in order, for the answers given so far (spec-v3 section 2.1): those whose
 * `ask_when` holds (absent: always). `optional = true` gives instead the optional ones, offered after the result.
 * As api/engine.py's asked_questions. */
export function askedQuestions(content, answers, optional = false) {
  return content.questionnaire.questions
    .filter((q) => Boolean(q.optional) === optional && (!q.ask_when || anyHolds(q.ask_when, answers)))
    .map((q) => q.id);
}

/** The look-ups the steps share, built once per bundle where it is kept (else on each call that needs them). */
export function buildIndex(content) {
  const tips = new Map();
  for (const tip of content.tips) {
    if (!tips.has(tip.trigger)) tips.set(tip.trigger, []);
    tips.get(tip.trigger).push(tip);
  }
  return {
    urgency: new Map(content.triage_levels.map((level, n) => [level.id, n])), // 0 is the most urgent
    level: new Map(content.triage_levels.map((level) => [level.id, level])),
    tips, // trigger id -> its tips, in content order
  };
}

/** The warning signs raised by the answers, most urgent first (content order within a level). */
export function redFlags(content, answers, index = buildIndex(content)) {
  const { urgency } = index;
  const raised = content.red_flags.filter((flag) => anyHolds(flag.when, answers));
  raised.sort((a, b) => urgency.get(a.level) - urgency.get(b.level)); // stable: content order within a level
  return raised.map((f) => ({ id: f.id, level: f.level, title: f.title, advice: f.advice, kind: f.kind }));
}

/** The most urgent level among the raised red flags; the least urgent level when none is. */
export function triageLevel(content, raisedFlags) {
  if (raisedFlags.length) return raisedFlags[0].level;
  return content.triage_levels[content.triage_levels.length - 1].id;
}

/** Caution id -> caution, for the cautions whose `when` holds for these answers. */
export function activeCautions(content, answers) {
  return new Map(content.cautions.filter((c) => anyHolds(c.when, answers)).map((c) => [c.id, c]));
}

/** The content's region for an ISO 3166-1 alpha-2 code (already upper case), or null: none asked for, or one
 * the content does not list (spec-v3 section 3.3). Never guessed from the language. */
export function regionOf(content, region) {
  return content.regions.countries.find((country) => country.id === region) ?? null;
}

export const HEALTH_LINE_LEVEL = "consultation_24"; // the one level that offers the urgent, non-emergency line

/** The numbers to call at this level where the person is (spec-v3 section 3.3): urgent levels list emergency
 * numbers only; consultation_24 the health line, if the region has one, then the emergency numbers; other levels
 * none. A number no official page confirms is never a button; a region with no confirmed emergency number, or
 * none known, gets the fallback numbers (region null). */
export function calls(content, level, country) {
  if (!level.urgent && level.id !== HEALTH_LINE_LEVEL) return [];
  const confirmed = (country?.emergency ?? []).filter((n) => !n.unconfirmed);
  const emergency = confirmed.length
    ? confirmed.map((n) => ({ number: n.number, name: n.name, kind: "emergency", region: country.id }))
    : content.regions.fallback.emergency.map((n) => ({ number: n.number, name: n.name, kind: "emergency", region: null }));
  const line = country?.health_line;
  if (level.urgent || !line || line.unconfirmed) return emergency;
  return [{ number: line.number, name: line.name, kind: "health_line", region: country.id }, ...emergency];
}

/** The level as a result shows it, with the caution lines that fit the person and the numbers to call. */
export function triage(level, cautions, numbers) {
  return {
    level: level.id, urgent: level.urgent, title: level.title, advice: level.advice, how_soon: level.how_soon,
    cautions: (level.cautions ?? []).filter((id) => cautions.has(id)).map((id) => ({ id, text: cautions.get(id).text })),
    calls: numbers,
  };
}

/** Each trigger's (or condition's, by `field`) weight total and reasons, walking questions and options in
 * content order. Weights are at least 1, so whatever is here has a total above 0. */
export function contributions(content, answers, field) {
  const totals = new Map();
  for (const question of content.questionnaire.questions) {
    const options = picked(answerTo(answers, question.id));
    for (const option of question.options) {
      if (!options.has(option.id)) continue;
      for (const [target, weight] of Object.entries(option[field] ?? {})) {
        if (!totals.has(target)) totals.set(target, { total: 0, reasons: [] });
        const entry = totals.get(target);
        entry.total += weight;
        const text = option.reasons?.[target] ?? option.reason;
        entry.reasons.push({ question: question.id, option: option.id, text });
      }
    }
  }
  return totals;
}

/** A tip as it appears in a result, with the caution lines that fit the person. */
export function tipResult(tip, cautions) {
  return {
    id: tip.id, title: tip.title, text: tip.do, how_long: tip.how_long, expect: tip.expect,
    cautions: cautions.map((c) => ({ id: c.id, text: c.text })),
  };
}

/** A trigger's tips for this person: unfitting ones left out, fitting ones first, cautions added. */
export function tipsFor(content, triggerId, answers, cautions, index = buildIndex(content)) {
  const first = [];
  const rest = [];
  for (const tip of index.tips.get(triggerId) ?? []) {
    if ("hide_when" in tip && anyHolds(tip.hide_when, answers)) continue;
    const shown = tipResult(tip, (tip.cautions ?? []).filter((id) => cautions.has(id)).map((id) => cautions.get(id)));
    ("first_when" in tip && anyHolds(tip.first_when, answers) ? first : rest).push(shown);
  }
  return [...first, ...rest];
}

/** The triggers that raised flags put first (stopping heavy drinking puts alcohol first). */
export function firstTriggers(content, raisedFlags) {
  const raised = new Set(raisedFlags.map((flag) => flag.id));
  return new Set(content.red_flags.filter((f) => raised.has(f.id) && "first_trigger" in f).map((f) => f.first_trigger));
}

/** Triggers with a score, each with reasons and the tips that fit, ranked 1, 2, 3...: the trigger a raised
 * flag names first, then well-sourced before weak evidence, each by score, ties in content order. */
export function rankedTriggers(content, answers, first, cautions, index = buildIndex(content)) {
  const scale = content.score_scale;
  const totals = contributions(content, answers, "triggers");
  const ranked = [];
  for (const trigger of content.triggers) {
    const scored = totals.get(trigger.id);
    if (scored === undefined || ("when" in trigger && !anyHolds(trigger.when, answers))) continue;
    ranked.push({
      id: trigger.id,
      title: trigger.title,
      score: Math.min(scored.total, scale) / scale,
      evidence: trigger.evidence ?? "good", // `weak` where the content says so
      reasons: scored.reasons,
      tips: tipsFor(content, trigger.id, answers, cautions, index),
    });
  }
  const group = { good: 1, weak: 2 }; // after the triggers a raised flag names (0)
  const groupOf = (trigger) => (first.has(trigger.id) ? 0 : group[trigger.evidence]);
  ranked.sort((a, b) => (groupOf(a) - groupOf(b)) || (b.score - a.score));
  ranked.forEach((trigger, n) => { trigger.rank = n + 1; }); // the sort is stable: ties keep content order
  return ranked;
}

/** A condition as a result lists it: to mention to a doctor, with why, never as a diagnosis. */
export function relatedCondition(condition, reasons) {
  return {
    id: condition.id,
    title: condition.title,
    calm: condition.calm,
    reason: reasons.map((reason) => reason.text).join(" "),
    mention: condition.mention,
    reassurance: condition.reassurance ?? [],
  };
}

/** Conditions worth mentioning to a doctor, in content order; information, never a diagnosis. */
export function relatedConditions(content, answers) {
  const totals = contributions(content, answers, "conditions");
  const related = [];
  for (const condition of content.conditions) {
    const scored = totals.get(condition.id);
    if (scored === undefined) continue;
    if ("when" in condition && !anyHolds(condition.when, answers)) continue;
    if ("unless" in condition && anyHolds(condition.unless, answers)) continue;
    related.push(relatedCondition(condition, scored.reasons));
  }
  return related;
}

/** Score valid answers against the content: triage, red flags, ranked triggers, related conditions.
 * `index` is the bundle's `buildIndex`, where it is kept; without it, it is built here.
 * `region` is an upper-case ISO 3166-1 alpha-2 code, or null: it picks the numbers in `triage.calls`. */
export function assess(content, answers, index = buildIndex(content), region = null) {
  const flags = redFlags(content, answers, index);
  const cautions = activeCautions(content, answers);
  const country = regionOf(content, region);
  const level = index.level.get(triageLevel(content, flags));
  return {
    content_version: content.version,
    region: country ? country.id : null,
    triage: triage(level, cautions, calls(content, level, country)),
    red_flags: flags,
    triggers: rankedTriggers(content, answers, firstTriggers(content, flags), cautions, index),
    related_conditions: relatedConditions(content, answers),
    disclaimer: content.disclaimer,
  };
}
