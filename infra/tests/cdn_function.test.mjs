// The CloudFront function (infra/cdn-function.js) as CloudFront runs it: a script defining `handler`, given
// viewer-request and viewer-response events. tests/test_infra.py checks its URL mapping against the Python export.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

const source = readFileSync(new URL("../cdn-function.js", import.meta.url), "utf8");
const { handler } = vm.runInNewContext(`${source}\n;({ handler })`);

function request(uri, query = {}, headers = {}) {
  return {
    method: "GET", uri,
    querystring: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, { value: v }])),
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), { value: v }])),
    cookies: {},
  };
}

const file = (uri, query, headers) =>
  handler({ version: "1.0", context: { eventType: "viewer-request" }, request: request(uri, query, headers) }).uri;

function answer(uri, query, headers, statusCode = 200) {
  const response = { statusCode, statusDescription: "OK", headers: { "content-type": { value: "application/json" } } };
  return handler({ version: "1.0", context: { eventType: "viewer-response" }, request: request(uri, query, headers), response });
}

test("?lang= picks the language's files, English is the plain file", () => {
  assert.equal(file("/api/v1/content/check", { lang: "es" }), "/_lang/es/api/v1/content/check");
  assert.equal(file("/api/v1/content/check", { lang: "en" }), "/api/v1/content/check");
  assert.equal(file("/api/v1/content", { lang: "es" }), "/_lang/es/api/v1/content/_index");
});

test("without ?lang=, Accept-Language picks the language as the API does", () => {
  assert.equal(file("/api/v1/content", {}, { "Accept-Language": "es-MX,es;q=0.9,en;q=0.8" }), "/_lang/es/api/v1/content/_index");
  assert.equal(file("/api/v1/triggers/sleep", {}, { "Accept-Language": "fr, es;q=0.5" }), "/_lang/es/api/v1/triggers/sleep");
  assert.equal(file("/api/v1/triggers/sleep", {}, { "Accept-Language": "en-GB, es;q=0.9" }), "/api/v1/triggers/sleep");
  assert.equal(file("/api/v1/triggers/sleep", {}, { "Accept-Language": "de;q=0.9, ES;q=1" }), "/_lang/es/api/v1/triggers/sleep");
  assert.equal(file("/api/v1/triggers/sleep", {}, { "Accept-Language": "fr, de" }), "/api/v1/triggers/sleep");
  assert.equal(file("/api/v1/triggers/sleep", {}, { "Accept-Language": "*" }), "/api/v1/triggers/sleep");
});

test("q=0 means 'not this language'", () => {
  assert.equal(file("/api/v1/guide", {}, { "Accept-Language": "es;q=0, en;q=0.5" }), "/api/v1/guide");
  assert.equal(file("/api/v1/guide", {}, { "Accept-Language": "es;q=0" }), "/api/v1/guide");
});

test("?lang= wins over Accept-Language, and an unknown one finds no file", () => {
  assert.equal(file("/api/v1/guide", { lang: "en" }, { "Accept-Language": "es" }), "/api/v1/guide");
  assert.equal(file("/api/v1/guide", { lang: "xx" }), "/_lang/xx/api/v1/guide");
  assert.equal(file("/api/v1/guide", { lang: "../../etc" }), "/_lang/_unknown/api/v1/guide");
});

test("the tips of a trigger, and a hostile trigger finds no file", () => {
  assert.equal(file("/api/v1/tips", { trigger: "sleep" }), "/api/v1/tips/_trigger/sleep");
  assert.equal(file("/api/v1/tips", { trigger: "sleep" }, { "Accept-Language": "es" }), "/_lang/es/api/v1/tips/_trigger/sleep");
  assert.equal(file("/api/v1/tips", { trigger: "../x" }), "/api/v1/tips/_trigger/_unknown");
});

test("the document is in one language only; the docs page holds the content's words in each", () => {
  assert.equal(file("/api/v1/openapi.json", {}, { "Accept-Language": "es" }), "/api/v1/openapi.json");
  assert.equal(file("/api/v1/openapi.json", { lang: "es" }), "/api/v1/openapi.json");
  assert.equal(file("/api/docs", {}, { "Accept-Language": "es" }), "/_lang/es/api/docs/index.html");
  assert.equal(file("/api/docs/"), "/api/docs/index.html");
});

test("answers say their language and that Accept-Language chose it, as the API's do", () => {
  const spanish = answer("/api/v1/content", {}, { "Accept-Language": "es-ES" });
  assert.equal(spanish.headers["content-language"].value, "es");
  assert.equal(spanish.headers.vary.value, "Accept-Language, Accept-Encoding");
  assert.equal(answer("/api/v1/triggers/sleep", { lang: "es" }, { "Accept-Language": "en" }).headers["content-language"].value, "es");
  assert.equal(answer("/api/v1/guide").headers["content-language"].value, "en");
  assert.equal(answer("/api/v1/guide", {}, {}, 304).headers["content-language"].value, "en");
});

test("the docs page is English prose whatever its content's language, as the API says", () => {
  const docs = answer("/api/docs", {}, { "Accept-Language": "es" });
  assert.equal(docs.headers["content-language"].value, "en");
  assert.equal(docs.headers.vary.value, "Accept-Language, Accept-Encoding");
});

test("the document and problems carry no Content-Language", () => {
  assert.equal(answer("/api/v1/openapi.json", {}, { "Accept-Language": "es" }).headers["content-language"], undefined);
  assert.equal(answer("/api/v1/triggers/nope", {}, {}, 404).headers["content-language"], undefined);
});
