// Which questions the app asks (spec-v3 section 2.6): the JavaScript engine gives the Python engine's answer.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";

import { askedQuestions } from "../js/engine.js";
import { loadContent, ROOT } from "./content-fixture.mjs";

const content = loadContent();
const SAFE = { warning_signs: ["none"], other_signs: ["none"] };
const PEOPLE = {
  "eyelid student": { ...SAFE, areas: ["eyelid"] },
  "calf, months": { ...SAFE, areas: ["calf_foot"], duration: "over_3_months" },
  "felt weakness": { ...SAFE, warning_signs: ["weakness"], weakness_how: "feels_weak", areas: ["calf_foot"] },
  "sudden weakness": { warning_signs: ["weakness"], weakness_how: "sudden", other_signs: ["chest_pain"] },
  "lithium, eyelid only": { ...SAFE, areas: ["eyelid"], medications: ["lithium"] },
  "nothing yet": {},
};

const python = JSON.parse(execFileSync(`${ROOT}.venv/bin/python`, ["-c", `
import json, sys
from api.content import load_content
from api.engine import asked_questions
content = load_content()
people = json.loads(sys.argv[1])
print(json.dumps({name: [asked_questions(content, a), asked_questions(content, a, optional=True)] for name, a in people.items()}))
`, JSON.stringify(PEOPLE)], { cwd: ROOT, encoding: "utf-8" }));

for (const [name, answers] of Object.entries(PEOPLE)) {
  test(`asked questions agree with the Python engine: ${name}`, () => {
    assert.deepEqual([askedQuestions(content, answers), askedQuestions(content, answers, true)], python[name]);
  });
}

test("an eyelid-only check asks 12 questions, and a follow-up only after its option", () => {
  assert.equal(askedQuestions(content, PEOPLE["eyelid student"]).length, 12);
  assert.deepEqual(askedQuestions(content, PEOPLE["sudden weakness"]).slice(0, 5),
    ["warning_signs", "weakness_how", "sudden_when", "other_signs", "chest_pain_when"]);
  assert.ok(askedQuestions(content, PEOPLE["lithium, eyelid only"]).includes("fluid_loss"));
});
