// The JavaScript engine gives exactly the Python engine's result on every shared vector.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { assess, buildIndex, picked } from "../js/engine.js";
import { loadContent, ROOT } from "./content-fixture.mjs";

const content = loadContent();
const vectors = JSON.parse(readFileSync(`${ROOT}tests/vectors/assessments.json`, "utf-8"));

/** What a vector pins of a result, as tests/vectors/build.py's `expectations`: ids, levels, order and scores. */
function expectations(result) {
  const ids = (items) => items.map((item) => item.id);
  return {
    triage_level: result.triage.level,
    triage_cautions: ids(result.triage.cautions),
    red_flags: ids(result.red_flags),
    triggers: result.triggers.map((trigger) => ({
      id: trigger.id,
      score: trigger.score,
      tips: ids(trigger.tips),
      tip_cautions: Object.fromEntries(trigger.tips.filter((tip) => tip.cautions.length).map((tip) => [tip.id, ids(tip.cautions)])),
    })),
    related_conditions: ids(result.related_conditions),
  };
}

// Every language: the same ids, scores and order, whatever the texts.
for (const { id: lang } of content.languages) {
  const bundle = lang === content.lang ? content : loadContent(lang);
  const index = buildIndex(bundle);
  for (const vector of vectors.cases) {
    test(`vector in ${lang}: ${vector.name}`, () => {
      assert.deepEqual(expectations(assess(bundle, vector.answers, index)), vector.expected);
    });
  }
}

test("the engine does not change the answers it reads", () => {
  const answers = { warning_signs: ["weakness"], sleep: "under_5h" };
  const copy = structuredClone(answers);
  assess(content, answers);
  assert.deepEqual(answers, copy);
});

test("picked reads a single id, a list, or nothing", () => {
  assert.deepEqual(picked("a"), new Set(["a"]));
  assert.deepEqual(picked(["a", "b"]), new Set(["a", "b"]));
  assert.deepEqual(picked(undefined), new Set());
  assert.deepEqual(picked(null), new Set());
});
