// One trigger's tips, from the content, for an insight's "What to try" link: #/diary/tips/<trigger id>.
import { messageScreen } from "./diary-common.js";
import { h, screenHeading, sourceList } from "./dom.js";

export function render(app, [id]) {
  const content = app.content;
  const trigger = content.triggers.find((t) => t.id === id);
  if (!trigger) {
    return messageScreen({ title: "Tips", heading: "There are no tips for that",
      link: ["#/diary/insights", "Back to patterns", "primary"] });
  }
  const tips = content.tips.filter((tip) => tip.trigger === trigger.id);
  return {
    title: trigger.title,
    view: h("article", { class: "diary diary-tips" },
      h("p", { class: "back" }, h("a", { href: "#/diary/insights" }, "Back to patterns")),
      screenHeading(`What to try: ${trigger.title}`),
      h("p", { class: "lead" }, trigger.summary),
      h("p", {}, trigger.why),
      h("ul", { class: "tips" }, tips.map((tip) => h("li", { "data-tip": tip.id },
        h("h2", {}, tip.title),
        h("p", {}, tip.do),
        h("p", {}, h("strong", {}, "How long: "), tip.how_long),
        h("p", {}, h("strong", {}, "What to expect: "), tip.expect)))),
      sourceList(content, [...trigger.sources, ...tips.flatMap((tip) => tip.sources)]),
      h("p", {}, "More in the ", h("a", { href: "#/guide" }, "guide"), ".")),
  };
}
