// Guide search: whole words, accents and case ignored, synonyms from content, ranked, the best FAQ first.
import assert from "node:assert/strict";
import { test } from "node:test";

import { guideEntries, normalize, queryTerms, search, searchIndex } from "../js/search.js";
import { loadContent } from "./content-fixture.mjs";

const english = loadContent();
const spanish = loadContent("es");
const find = (content, query) => search(searchIndex(guideEntries(content)), query, content.search);
const ids = (results) => results.map((entry) => entry.id);

test("words are compared without accents or case, whole", () => {
  assert.equal(normalize("¿Cafeína, CAFÉ y té?"), " cafeina cafe y te ");
  const index = searchIndex([{ kind: "page", id: "also", title: "Also", text: "signals and minerals" }]);
  assert.deepEqual(search(index, "als"), [], "ALS is not a part of also, signals or minerals");
  assert.deepEqual(ids(search(index, "MINERALS")), ["also"]);
});

test("ALS opens with the FAQ is_it_als, and every result holds ALS or a synonym as a whole word", () => {
  for (const query of ["ALS", "als", "motor neurone disease", "MND"]) {
    const results = find(english, query);
    assert.equal(results[0]?.id, "is_it_als", query);
  }
  const whole = / (als|mnd|motor neurone disease|motor neuron disease|amyotrophic lateral sclerosis|lou gehrig|ela) /;
  for (const entry of find(english, "ALS")) assert.match(normalize(`${entry.title} ${entry.text}`), whole, entry.id);
  const also = english.guide.sections.filter((s) => / (also|minerals|signals) /.test(normalize(s.body.join(" "))));
  assert.ok(also.length > 0, "the guide has pages with also, minerals or signals");
  const found = new Set(ids(find(english, "ALS")));
  assert.ok(also.some((s) => !found.has(s.id)), "pages that only say also/minerals/signals are not found");
});

test("ELA in Spanish opens with the same FAQ, as do its long names", () => {
  for (const query of ["ELA", "esclerosis lateral amiotrófica", "als"]) assert.equal(find(spanish, query)[0]?.id, "is_it_als", query);
});

test("magnesium foods, and foods high in magnesium, find the FAQ magnesium first", () => {
  for (const query of ["magnesium foods", "foods high in magnesium", "Magnesium"]) {
    assert.equal(find(english, query)[0]?.id, "magnesium", query);
  }
  assert.equal(find(spanish, "alimentos con magnesio")[0]?.id, "magnesium");
});

test("cafeina without its accent finds what says café or cafeína", () => {
  const results = find(spanish, "cafeina");
  assert.ok(results.length > 0);
  assert.equal(results[0].id, "coffee");
  for (const entry of results) assert.match(normalize(`${entry.title} ${entry.text}`), / (cafe|cafeina|te|cola|bebidas? energeticas?) /);
});

test("results are ranked: an entry holding more of the query comes before one holding less", () => {
  const index = searchIndex([
    { kind: "page", id: "one", title: "Sleep", text: "rest" },
    { kind: "page", id: "both", title: "Stress", text: "sleep and stress" },
  ]);
  assert.deepEqual(ids(search(index, "sleep stress")), ["both", "one"]);
  assert.deepEqual(ids(search(index, "sleep")), ["one", "both"], "in the title before in the body");
});

test("words too common to search by are left out, and phrases of synonyms are one term", () => {
  const words = { synonyms: [["als", "motor neurone disease"]], ignore: ["the", "in"] };
  assert.deepEqual(queryTerms("the ALS in", words), [["als", "motor neurone disease"]]);
  assert.deepEqual(queryTerms("motor neurone disease", words), [["als", "motor neurone disease"]]);
  assert.deepEqual(queryTerms("the in", words), []);
  assert.deepEqual(search(searchIndex(guideEntries(english)), "   "), []);
});
