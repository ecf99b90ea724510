// The plain-text summary a person copies or shares: everything that matters, in words.
import assert from "node:assert/strict";
import { test } from "node:test";

import { assess } from "../js/engine.js";
import { fitLabel, summaryText, tryFirst } from "../js/summary.js";
import { useWords } from "../js/words.js";
import { loadContent } from "./content-fixture.mjs";

const content = loadContent();
useWords(content.ui, "en");

test("the summary has the triage, warning signs, ranked triggers, conditions and disclaimer", () => {
  const result = assess(content, {
    warning_signs: ["numbness_tingling"], other_signs: ["none"], sleep: "under_5h", caffeine: "5_plus",
    duration: "over_3_months", areas: ["calf_foot"], about_you: ["under_16"],
  });
  const answers = { warning_signs: ["numbness_tingling"], other_signs: ["none"], sleep: "under_5h" };
  const text = summaryText(content, result, answers, { title: "Checker", date: "25 November 2026" });
  assert.match(text, /^Checker: my results \(25 November 2026\)/);
  assert.ok(text.includes(`What to do: ${result.triage.title}`));
  for (const flag of result.red_flags) assert.ok(text.includes(flag.title));
  for (const caution of result.triage.cautions) assert.ok(text.includes(caution.text), "the cautions that fit");
  assert.ok(result.triage.cautions.length > 0);
  for (const { tip } of tryFirst(result)) assert.ok(text.includes(tip.title), "what to try first, as on the screen");
  const sleep = content.questionnaire.questions.find((q) => q.id === "sleep");
  assert.ok(text.includes(`- ${sleep.short}: ${sleep.options[0].label}`), "the answers given, as on the screen");
  const positions = result.triggers.map((t) => text.indexOf(t.title));
  assert.deepEqual([...positions].sort((a, b) => a - b), positions, "triggers in ranked order");
  assert.ok(positions.every((p) => p > 0));
  for (const condition of result.related_conditions) assert.ok(text.includes(condition.title));
  assert.ok(text.endsWith(content.disclaimer));
  assert.ok(!/<[a-z]/i.test(text), "plain text, no markup");
});

test("with no trigger the summary says so", () => {
  const answers = { warning_signs: ["none"], other_signs: ["none"] };
  const text = summaryText(content, assess(content, answers), answers, { title: "Checker" });
  assert.ok(text.includes(content.ui["summary.no_trigger"]));
  assert.match(text, /^Checker: my results\n/);
});

test("scores are told in words", () => {
  assert.equal(fitLabel(1), content.ui["results.fit_strong"]);
  assert.equal(fitLabel(0.5), content.ui["results.fit_good"]);
  assert.equal(fitLabel(0.1), content.ui["results.fit_some"]);
});
