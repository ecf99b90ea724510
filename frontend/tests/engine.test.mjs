// The JavaScript engine gives exactly the Python engine's result on every shared vector.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { assess, picked } from "../js/engine.js";
import { loadContent, ROOT } from "./content-fixture.mjs";

const content = loadContent();
const vectors = JSON.parse(readFileSync(`${ROOT}tests/vectors/assessments.json`, "utf-8"));

test("the vectors were built from the current content", () => {
  assert.equal(vectors.content_version, content.version, "rebuild the vectors: make vectors");
});

for (const vector of vectors.cases) {
  test(`vector: ${vector.name}`, () => {
    assert.deepEqual(assess(content, vector.answers), vector.expected);
  });
}

// Every other language: the same ids, scores and order as the Python engine gives in it, texts in that language.
for (const [lang, version] of Object.entries(vectors.content_versions).slice(1)) {
  const translated = loadContent(lang);
  test(`the vectors were built from the current content in ${lang}`, () => assert.equal(translated.version, version));
  for (const vector of vectors.cases) {
    test(`vector in ${lang}: ${vector.name}`, () => {
      assert.deepEqual(assess(translated, vector.answers), vector.in_languages[lang]);
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
