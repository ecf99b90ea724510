// One trigger's tips, from the content, for an insight's "What to try" link: #/diary/tips/<trigger id>.
import { clean } from "../answers.js";
import { activeCautions, tipsFor } from "../engine.js";
import { messageScreen } from "./diary-common.js";
import { h, screenHeading, sourceList } from "./dom.js";
import { cautionLines } from "./results.js";

export function render(app, [id]) {
  const content = app.content;
  const trigger = content.triggers.find((t) => t.id === id);
  if (!trigger) {
    return messageScreen({ title: "Tips", heading: "There are no tips for that",
      link: ["#/diary/insights", "Back to patterns", "primary"] });
  }
  // The answers of the last check, so that tips that do not fit this person are left out or carry their caution.
  const answers = clean(content, app.check.answers());
  const tips = tipsFor(content, trigger.id, answers, activeCautions(content, answers));
  const sources = content.tips.filter((tip) => tips.some((t) => t.id === tip.id)).flatMap((tip) => tip.sources);
  return {
    title: trigger.title,
    view: h("article", { class: "diary diary-tips" },
      h("p", { class: "back" }, h("a", { href: "#/diary/insights" }, "Back to patterns")),
      screenHeading(`What to try: ${trigger.title}`),
      h("p", { class: "lead" }, trigger.summary),
      h("p", {}, trigger.why),
      h("ul", { class: "tips" }, tips.map((tip) => h("li", { "data-tip": tip.id },
        h("h2", {}, tip.title),
        h("p", {}, tip.text),
        cautionLines(tip.cautions),
        h("p", {}, h("strong", {}, "How long: "), tip.how_long),
        h("p", {}, h("strong", {}, "What to expect: "), tip.expect)))),
      sourceList(content, [...trigger.sources, ...sources]),
      h("p", {}, "More in the ", h("a", { href: "#/guide" }, "guide"), ".")),
  };
}
