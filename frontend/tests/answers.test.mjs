// Answers on the device: ticking, the exclusive `none`, cleaning saved answers, the emergency short-cut.
import assert from "node:assert/strict";
import { test } from "node:test";

import { clean, toggle, urgentFlags } from "../js/answers.js";
import { loadContent } from "./content-fixture.mjs";

const content = loadContent();
const question = (id) => content.questionnaire.questions.find((q) => q.id === id);

test("a single question takes the ticked option, and nothing when unticked", () => {
  assert.equal(toggle(question("sleep"), undefined, "under_5h", true), "under_5h");
  assert.equal(toggle(question("sleep"), "under_5h", "5_to_6h", true), "5_to_6h");
  assert.equal(toggle(question("sleep"), "under_5h", "under_5h", false), undefined);
});

test("none unticks the others, and any other unticks none", () => {
  const signs = question("warning_signs");
  let answer = toggle(signs, undefined, "stiffness", true);
  answer = toggle(signs, answer, "weakness", true);
  assert.deepEqual(answer, ["weakness", "stiffness"], "kept in content order");
  assert.deepEqual(toggle(signs, answer, "none", true), ["none"]);
  assert.deepEqual(toggle(signs, ["none"], "eye_signs", true), ["eye_signs"]);
  assert.equal(toggle(signs, ["none"], "none", false), undefined, "an empty list is no answer");
});

test("saved answers that no longer fit the content are dropped", () => {
  const saved = {
    sleep: "under_5h", caffeine: ["5_plus"], areas: ["eyelid", "elbow"], gone_question: "x",
    warning_signs: ["none", "weakness"], fluid_loss: [], stress: "no_such_option",
  };
  assert.deepEqual(clean(content, saved), { warning_signs: ["weakness"], areas: ["eyelid"], sleep: "under_5h" });
  assert.deepEqual(clean(content, null), {});
});

test("only emergency warning signs take the short-cut", () => {
  assert.deepEqual(urgentFlags(content, { warning_signs: ["breathing"] }).map((f) => f.id), ["breathing"]);
  assert.deepEqual(urgentFlags(content, { warning_signs: ["weakness", "numbness_tingling"] }), []);
  assert.deepEqual(urgentFlags(content, {}), []);
});
