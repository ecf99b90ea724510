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

/** Whether one content test (red flag `when`, trigger `when`, condition `unless`) holds. */
export function testHolds(test, answers) {
  const options = picked(answerTo(answers, test.question));
  if ("includes_any" in test) return options.some((option) => test.includes_any.includes(option));
  if ("includes_other_than" in test) return options.some((option) => !test.includes_other_than.includes(option));
  return options.length >= test.count_at_least;
}

export function anyHolds(tests, answers) {
  return tests.some((test) => testHolds(test, answers));
}

function index(content) {
  if (cached.version !== content.version) {
    const tips = new Map();
    for (const tip of content.tips) {
      if (!tips.has(tip.trigger)) tips.set(tip.trigger, []);
      tips.get(tip.trigger).push({ id: tip.id, title: tip.title, text: tip.do, how_long: tip.how_long, expect: tip.expect });
    }
    const levels = content.triage_levels;
    cached = {
      version: content.version,
      index: {
        rank: new Map(levels.map((level, n) => [level.id, n])),
        level: new Map(levels.map((level) => [level.id, level])),
        tips,
      },
    };
  }
  return cached.index;
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
        entry.reasons.push({ question: question.id, option: option.id, text: option.reason });
      }
    }
  }
  return totals;
}

/** Triggers with a score, highest first, ties in content order; each with reasons and tips. */
export function rankedTriggers(content, answers) {
  const scale = content.score_scale;
  const totals = contributions(content, answers, "triggers");
  const { tips } = index(content);
  const ranked = [];
  for (const trigger of content.triggers) {
    const { total, reasons } = totals.get(trigger.id) ?? { total: 0, reasons: [] };
    if (total <= 0 || ("when" in trigger && !anyHolds(trigger.when, answers))) continue;
    ranked.push({
      id: trigger.id,
      title: trigger.title,
      score: Math.min(total, scale) / scale,
      reasons,
      tips: tips.get(trigger.id) ?? [],
    });
  }
  ranked.sort((a, b) => b.score - a.score); // stable: ties keep content order
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
  const level = index(content).level.get(triageLevel(content, flags));
  return {
    content_version: content.version,
    triage: { level: level.id, title: level.title, advice: level.advice, how_soon: level.how_soon },
    red_flags: flags,
    triggers: rankedTriggers(content, answers),
    related_conditions: relatedConditions(content, answers),
    disclaimer: content.disclaimer,
  };
}
