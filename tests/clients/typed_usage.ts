// The TypeScript types openapi-typescript makes of the document, used as a consumer would: `tsc --strict` must pass
// (each `@ts-expect-error` line must be an error, or tsc reports the directive as unused), and the compiled file,
// run by Node against the app (`node typed_usage.js BASE`), makes a real round trip. tests/test_clients.py runs both.
import type { components, paths } from "./api";

declare const process: { argv: string[] };

type Schemas = components["schemas"];
type Answers = Schemas["Answers"];
type Assessment = paths["/api/v1/assessments"]["post"]["responses"][200]["content"]["application/json"];
type Problem = paths["/api/v1/assessments"]["post"]["responses"][422]["content"]["application/problem+json"];
type Content = paths["/api/v1/content"]["get"]["responses"][200]["content"]["application/json"];

export function wrongAnswers(): Answers[] {
  return [
    // @ts-expect-error a number is no answer
    { warning_signs: 12345 },
    // @ts-expect-error `none` goes alone
    { warning_signs: ["none", "weakness"] },
    // @ts-expect-error not an option of this question
    { warning_signs: ["sneezing"] },
    // @ts-expect-error an option of another question
    { medications: ["weakness"] },
    // @ts-expect-error a single question takes one option id, not a list
    { sleep: ["under_5h"] },
    // @ts-expect-error not a question
    { mood: "low" },
  ];
}

// Values v1 may add are strings: a newer kind or id type-checks in an older consumer.
export const laterKind: Schemas["Question"]["kind"] = "ranked";
export const laterTrigger: paths["/api/v1/triggers/{id}"]["get"]["parameters"]["path"]["id"] = "added_later";

async function post(base: string, answers: Answers): Promise<Assessment> {
  const response = await fetch(`${base}/api/v1/assessments`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ answers }),
  });
  if (!response.ok) {
    const problem = (await response.json()) as Problem;
    throw new Error(`${problem.status} ${problem.title}: ${JSON.stringify(problem.errors)}`);
  }
  return (await response.json()) as Assessment;
}

async function roundTrip(base: string): Promise<void> {
  const calm = await post(base, { warning_signs: ["none"], other_signs: ["none"], areas: ["eyelid"], sleep: "under_5h" });
  if (calm.triage.level !== "self_care" || calm.triggers.length === 0) throw new Error(JSON.stringify(calm.triage));
  const urgent = await post(base, { warning_signs: ["weakness"], other_signs: ["none"], medications: ["diuretics"] });
  if (!urgent.red_flags.some((flag) => flag.id === "weakness")) throw new Error(JSON.stringify(urgent.red_flags));

  const bad = await fetch(`${base}/api/v1/assessments`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: '{"answers": {"sleep": "lots"}}',
  });
  const problem = (await bad.json()) as Problem;
  if (bad.status !== 422 || problem.errors?.[0]?.field !== "answers.sleep") throw new Error(JSON.stringify(problem));

  const first = await fetch(`${base}/api/v1/content`);
  const content = (await first.json()) as Content;
  const etag = first.headers.get("ETag");
  if (!etag || content.questionnaire.questions[0].id !== "warning_signs") throw new Error("no content or no ETag");
  const again = await fetch(`${base}/api/v1/content`, { headers: { "If-None-Match": etag } });
  if (again.status !== 304) throw new Error(`revalidating gave ${again.status}`);
}

await roundTrip(process.argv[2]);
console.log("round trip ok");
