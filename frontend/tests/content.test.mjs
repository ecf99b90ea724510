// content.js: the first part alone, then the whole bundle on demand; neither ever changes once handed out.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { loadContent } from "../js/content.js";

const { fetch } = globalThis;
afterEach(() => {
  globalThis.fetch = fetch;
});

/** A server with these parts; `asked` lists the parts requested, in order. */
function serve(parts, asked = []) {
  globalThis.fetch = async (url) => {
    const part = url.match(/content\/(\w+)\?/)[1];
    asked.push(part);
    const body = typeof parts[part] === "function" ? parts[part]() : parts[part];
    return { ok: body !== undefined, status: body === undefined ? 503 : 200, json: async () => structuredClone(body) };
  };
  return asked;
}

const CHECK = { version: "v1", lang: "en", questionnaire: { questions: [{ id: "areas" }] }, ui: { "home.start": "Start" } };
const REST = { version: "v1", guide: { sections: [] }, ui: { "guide.title": "Guide" } };

test("the first part comes alone, frozen through and through; the rest is asked for only when wanted", async () => {
  const asked = serve({ check: CHECK, rest: REST });
  const { first, rest } = await loadContent("en");
  assert.deepEqual(asked, ["check"]);
  assert.equal(first.questionnaire.questions[0].id, "areas");
  assert.ok(Object.isFrozen(first) && Object.isFrozen(first.questionnaire.questions[0]));
  assert.throws(() => { first.ui["home.start"] = "Go"; }, TypeError);
  const whole = await rest();
  assert.equal(await rest(), whole, "asked once, the same bundle after");
  assert.deepEqual(asked, ["check", "rest"]);
  assert.deepEqual(whole.ui, { "home.start": "Start", "guide.title": "Guide" }, "the words of both parts");
  assert.deepEqual(whole.guide, REST.guide);
  assert.equal(whole.questionnaire, first.questionnaire);
  assert.ok(Object.isFrozen(whole) && Object.isFrozen(whole.ui));
  assert.equal(first.guide, undefined, "the first part is not changed by the rest's arrival");
});

test("parts of two versions (content updated between them) are refused, and the next call asks again", async () => {
  let version = "v2";
  const asked = serve({ check: CHECK, rest: () => ({ ...REST, version }) });
  const { rest } = await loadContent("en");
  await assert.rejects(rest(), /changed between its two parts/);
  version = "v1";
  assert.equal((await rest()).version, "v1");
  assert.deepEqual(asked, ["check", "rest", "rest"]);
});

test("a rest that does not come can be asked for again", async () => {
  let up = false;
  serve({ check: CHECK, rest: () => (up ? REST : undefined) });
  const { rest } = await loadContent("es");
  await assert.rejects(rest(), /503/);
  up = true;
  assert.deepEqual((await rest()).guide, REST.guide);
});

test("a first part that does not come is an error for the caller to show", async () => {
  serve({});
  await assert.rejects(loadContent("en"), /503/);
});
