// One trigger's tips, from the content, for an insight's "What to try" link: #/diary/tips/<trigger id>.
import { clean } from "../../answers.js";
import { activeCautions, tipsFor } from "../../engine.js";
import { t } from "../../words.js";
import { tipItem } from "../parts/advice.js";
import { h, screenHeading, sourceList } from "../parts/dom.js";
import { withElements } from "../parts/diary-format.js";
import { messageScreen } from "../parts/diary-nav.js";

export function render(app, [id]) {
  const content = app.content;
  const trigger = content.triggers.find((item) => item.id === id);
  if (!trigger) {
    return messageScreen({ title: t("diary.tips.title"), heading: t("diary.tips.none"),
      link: ["#/diary/insights", t("diary.tips.back"), "primary"] });
  }
  // The answers of the last check, so that tips that do not fit this person are left out or carry their caution.
  const answers = clean(content, app.check.answers());
  const tips = tipsFor(content, trigger.id, answers, activeCautions(content, answers));
  const sources = content.tips.filter((tip) => tips.some((shown) => shown.id === tip.id)).flatMap((tip) => tip.sources);
  return {
    title: trigger.title,
    view: h("article", { class: "diary diary-tips" },
      h("p", { class: "back" }, h("a", { href: "#/diary/insights" }, t("diary.tips.back"))),
      screenHeading(t("diary.what_to_try", { trigger: trigger.title })),
      h("p", { class: "lead" }, trigger.summary),
      h("p", {}, trigger.why),
      h("ul", { class: "tips" }, tips.map((tip) => tipItem(tip, "h2"))),
      sourceList(content, [...trigger.sources, ...sources], t("diary.tips.sources")),
      h("p", {}, withElements(t("diary.tips.more"), { guide_link: h("a", { href: "#/guide" }, t("diary.tips.guide_link")) }))),
  };
}
