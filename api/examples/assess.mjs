// Assess answers with fetch (Node 18 or later here; in a browser, set BASE to the API's address).
const BASE = process.env.BASE ?? "http://127.0.0.1:8000";

const response = await fetch(`${BASE}/api/v1/assessments`, {
  method: "POST",
  headers: { "Content-Type": "application/json" }, // anything else gets 415
  body: JSON.stringify({
    answers: { warning_signs: ["none"], other_signs: ["none"], areas: ["eyelid"], sleep: "under_5h" },
  }),
});
const result = await response.json();
if (!response.ok) {
  // application/problem+json: status, title, detail, and `errors` naming each bad field
  const fields = (result.errors ?? []).map((error) => `${error.field}: ${error.message}`);
  throw new Error(`${result.status} ${result.title}. ${fields.join("; ")}`);
}
console.log(result.triage.level, "-", result.triage.title);
for (const trigger of result.triggers.slice(0, 3)) console.log(trigger.score.toFixed(1), trigger.title);
console.log(result.disclaimer);
