// What to do about the warning signs a check-in reported: the questionnaire's own triage banner and
// warning-sign list (results.js), from the same engine, at once. #/diary/advice/<YYYY-MM-DD>.
import { clean } from "../answers.js";
import { checkinAnswers, reportedWarningSigns } from "../diary/model.js";
import { assess } from "../engine.js";
import { buttonLink, h, screenHeading } from "./dom.js";
import { formatDay, messageScreen } from "./diary-common.js";
import { redFlagList, triageBanner } from "./results.js";

export async function render(app, [day], store) {
  const checkin = day ? await store.getCheckin(day) : null;
  if (!checkin) {
    return messageScreen({ title: "Check-in", heading: "There is no check-in for that day",
      link: ["#/diary", "Go to your diary", "primary"] });
  }
  const result = assess(app.content, clean(app.content, checkinAnswers(checkin)));
  const reported = reportedWarningSigns(checkin).length > 0;
  return {
    title: result.triage.title,
    view: h("div", { class: "diary diary-advice" },
      screenHeading(reported ? "You reported warning signs" : "No warning signs reported"),
      h("p", {}, `In your check-in for ${formatDay(day)}. This is the same advice the check gives for them.`),
      triageBanner(result.triage),
      redFlagList(result.red_flags),
      h("p", {}, "Show a doctor your diary: the summary lists your twitches, habits and the warning signs you reported."),
      h("div", { class: "actions" },
        buttonLink("#/diary/summary", "Summary for a doctor"),
        buttonLink(`#/diary/checkin/${day}`, "Change this check-in"),
        buttonLink("#/diary", "Go to your diary")),
      h("p", { class: "disclaimer" }, result.disclaimer)),
  };
}
