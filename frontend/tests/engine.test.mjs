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

test("triggers come ranked: the one a raised flag names first (weak or not), then good before weak; urgent levels say so", () => {
  const weakAlcohol = { ...content, triggers: content.triggers.map((t) => (t.id === "alcohol" ? { ...t, evidence: "weak" } : t)) };
  const safe = { warning_signs: ["none"], other_signs: ["none"] };
  const named = assess(weakAlcohol, { ...safe, alcohol: "stopped_heavy", sleep: "under_5h", caffeine: "5_plus" });
  assert.deepEqual([named.triggers[0].id, named.triggers[0].rank, named.triggers[0].evidence], ["alcohol", 1, "weak"]);
  assert.equal(named.triage.urgent, false); // consultation_24: not shown before the rest of the check
  assert.equal(assess(content, { ...safe, warning_signs: ["breathing"] }).triage.urgent, true);
  const mixed = assess(content, { ...safe, activity: "mostly_sitting", exercise: "none", fluids: "under_4", stress: "moderate" });
  assert.deepEqual(mixed.triggers.map((t) => [t.rank, t.evidence]), [[1, "good"], [2, "good"], [3, "weak"], [4, "weak"]]);
  assert.equal(mixed.triage.urgent, false);
});
