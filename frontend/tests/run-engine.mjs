// Reads {"content": bundle, "answer_sets": [answers, ...], "regions": [code or null, ...] (optional)} on stdin and
// prints the list of assessments.
// tests/test_engine_parity.py drives it to compare both engines on random answers.
import { assess } from "../js/engine.js";

let input = "";
process.stdin.setEncoding("utf-8");
for await (const chunk of process.stdin) input += chunk;
const { content, answer_sets: answerSets, regions = [] } = JSON.parse(input);
process.stdout.write(JSON.stringify(answerSets.map((answers, n) => assess(content, answers, undefined, regions[n] ?? null))));
