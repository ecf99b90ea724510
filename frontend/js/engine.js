// The assessment engine: pure functions of (content, answers), no DOM and no I/O.
// It follows api/engine.py step by step; tests/vectors/assessments.json holds both to the same results.

let cached = { version: null, index: null }; // lookups built once per content version, not per assessment

/** The option ids of one answer: a single id, a list of ids, or nothing. */
export function picked(answer) {
  if (answer === undefined || answer === null) return [];
  if (typeof answer === "string") return [answer];
  return [...answer];
}

function answerTo(answers, questionId) {
  return Object.hasOwn(answers, questionId) ? answers[questionId] : undefined;
}

/** Whether one test on one answer holds (see content/GUIDELINES.md for the kinds). */
export function testHolds(test, answers) {
  const options = picked(answerTo(answers, test.question));
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

/** A tip as it appears in a result, with the caution lines that fit the person. */
function tipResult(tip, cautions) {
  return {
    id: tip.id, title: tip.title, text: tip.do, how_long: tip.how_long, expect: tip.expect,
    cautions: cautions.map((c) => ({ id: c.id, text: c.text })),
  };
}

function index(content) {
  if (cached.version !== content.version) {
    const tips = new Map();
    for (const tip of content.tips) {
      if (!tips.has(tip.trigger)) tips.set(tip.trigger, []);
      tips.get(tip.trigger).push(tip);
    }
    const levels = content.triage_levels;
    cached = {
      version: content.version,
      index: {
        rank: new Map(levels.map((level, n) => [level.id, n])),
        level: new Map(levels.map((level) => [level.id, level])),
        tips,
        weak: new Set(content.triggers.filter((t) => t.evidence === "weak").map((t) => t.id)),
      },
    };
  }
  return cached.index;
}

/** Caution id -> caution, for the cautions whose `when` holds for these answers. */
export function activeCautions(content, answers) {
  return new Map(content.cautions.filter((c) => anyHolds(c.when, answers)).map((c) => [c.id, c]));
}

/** A trigger's tips for this person: unfitting ones left out, fitting ones first, cautions added. */
export function tipsFor(content, triggerId, answers, cautions) {
  const first = [];
  const rest = [];
  for (const tip of index(content).tips.get(triggerId) ?? []) {
    if ("hide_when" in tip && anyHolds(tip.hide_when, answers)) continue;
    const shown = tipResult(tip, (tip.cautions ?? []).filter((id) => cautions.has(id)).map((id) => cautions.get(id)));
    ("first_when" in tip && anyHolds(tip.first_when, answers) ? first : rest).push(shown);
  }
  return [...first, ...rest];
}

/** The warning signs raised by the answers, most urgent first (content order within a level). */
export function redFlags(content, answers) {
  const { rank } = index(content);
  const raised = content.red_flags.filter((flag) => anyHolds(flag.when, answers));
  raised.sort((a, b) => rank.get(a.level) - rank.get(b.level)); // Array.prototype.sort is stable
  return raised.map((f) => ({ id: f.id, level: f.level, title: f.title, advice: f.advice }));
}

/** The most urgent level among the raised red flags; the least urgent level when none is. */
export function triageLevel(content, raisedFlags) {
  if (raisedFlags.length) return raisedFlags[0].level;
  return content.triage_levels[content.triage_levels.length - 1].id;
}

/** Each target's weight total and reasons, walking questions and options in content order. */
export function contributions(content, answers, field) {
  const totals = new Map();
  for (const question of content.questionnaire.questions) {
    const options = picked(answerTo(answers, question.id));
    if (!options.length) continue;
    for (const option of question.options) {
      if (!options.includes(option.id)) continue;
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

/** The triggers that raised flags put first (stopping heavy drinking puts alcohol first). */
export function firstTriggers(content, raisedFlags) {
  const raised = new Set(raisedFlags.map((flag) => flag.id));
  return new Set(content.red_flags.filter((f) => raised.has(f.id) && "first_trigger" in f).map((f) => f.first_trigger));
}

/** Triggers with a score, highest first, ties in content order; those a raised flag names come first and
 * those the content calls weak evidence after the rest. Each with reasons and the tips that fit. */
export function rankedTriggers(content, answers, first = new Set(), cautions = activeCautions(content, answers)) {
  const scale = content.score_scale;
  const totals = contributions(content, answers, "triggers");
  const ranked = [];
  for (const trigger of content.triggers) {
    const { total, reasons } = totals.get(trigger.id) ?? { total: 0, reasons: [] };
    if (total <= 0 || ("when" in trigger && !anyHolds(trigger.when, answers))) continue;
    ranked.push({
      id: trigger.id,
      title: trigger.title,
      score: Math.min(total, scale) / scale,
      reasons,
      tips: tipsFor(content, trigger.id, answers, cautions),
    });
  }
  // First what a raised flag names, then well-sourced before weak evidence, then by score;
  // Array.prototype.sort is stable: ties keep content order.
  const { weak } = index(content);
  ranked.sort((a, b) => (first.has(b.id) - first.has(a.id)) || (weak.has(a.id) - weak.has(b.id)) || (b.score - a.score));
  return ranked;
}

/** Conditions worth mentioning to a doctor, in content order; information, never a diagnosis. */
export function relatedConditions(content, answers) {
  const totals = contributions(content, answers, "conditions");
  const related = [];
  for (const condition of content.conditions) {
    const { total, reasons } = totals.get(condition.id) ?? { total: 0, reasons: [] };
    if (total <= 0) continue;
    if ("when" in condition && !anyHolds(condition.when, answers)) continue;
    if ("unless" in condition && anyHolds(condition.unless, answers)) continue;
    related.push({
      id: condition.id,
      title: condition.title,
      calm: condition.calm,
      reason: reasons.map((reason) => reason.text).join(" "),
      mention: condition.mention,
      reassurance: condition.reassurance ?? [],
    });
  }
  return related;
}

/** Score valid answers against the content: triage, red flags, ranked triggers, related conditions. */
export function assess(content, answers) {
  const flags = redFlags(content, answers);
  const cautions = activeCautions(content, answers);
  const level = index(content).level.get(triageLevel(content, flags));
  return {
    content_version: content.version,
    triage: {
      level: level.id, title: level.title, advice: level.advice, how_soon: level.how_soon,
      cautions: (level.cautions ?? []).filter((id) => cautions.has(id)).map((id) => ({ id, text: cautions.get(id).text })),
    },
    red_flags: flags,
    triggers: rankedTriggers(content, answers, firstTriggers(content, flags), cautions),
    related_conditions: relatedConditions(content, answers),
    disclaimer: content.disclaimer,
  };
}
