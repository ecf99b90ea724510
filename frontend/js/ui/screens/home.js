// The home screen: start or continue the check, read the guide, and whether the app works offline.
import { locale } from "../../language.js";
import { answeredCount, clean } from "../../answers.js";
import { askedQuestions, assess } from "../../engine.js";
import { offlineStatus } from "../../offline.js";
import { t } from "../../words.js";
import { confirmStartOver } from "../parts/confirm.js";
import { buttonLink, h, screenHeading } from "../parts/dom.js";
import { languageControl } from "../parts/language.js";

export function render(app) {
  const questions = app.content.questionnaire.questions;
  const saved = app.check.current();
  const answered = saved ? answeredCount(app.content, saved.answers) : 0;
  const begin = () => {
    app.check.start();
    app.go(`check/${questions[0].id}`);
  };
  const startNew = () => (app.check.hasAnswers() ? confirmStartOver(begin) : begin());

  let resume = null;
  if (saved?.finished) {
    const level = assess(app.content, clean(app.content, saved.answers)).triage;
    const seen = saved.finished_at ? new Date(saved.finished_at) : null;
    resume = h("section", { class: "card resume", "aria-labelledby": "resume-title" },
      h("h2", { id: "resume-title" }, t("home.last_check")),
      h("p", { "data-last-level": level.level }, seen && !Number.isNaN(seen.getTime())
        ? t("home.last_result_dated", { level: level.title, date: seen.toLocaleDateString(locale(), { day: "numeric", month: "long" }) })
        : t("home.last_result", { level: level.title })),
      h("p", {}, t("home.results_saved")),
      buttonLink("#/results", t("home.see_results"), "primary"));
  } else if (saved && (answered > 0 || saved.at)) {
    const at = questions.findIndex((q) => q.id === saved.at);
    resume = h("section", { class: "card resume", "aria-labelledby": "resume-title" },
      h("h2", { id: "resume-title" }, t("home.in_progress")),
      // Out of the questions these answers ask (spec-v3 section 2.6), not every question the content has.
      h("p", {}, t("home.answered", { count: answered, total: askedQuestions(app.content, clean(app.content, saved.answers)).length })),
      buttonLink(`#/check/${at >= 0 ? questions[at].id : questions[0].id}`, t("home.continue"), "primary"));
  }

  return {
    title: "",
    view: h("div", { class: "home" },
      screenHeading(t("home.heading")),
      h("p", { class: "lead" }, t("home.lead")),
      resume,
      h("div", { class: "stack" },
        h("button", { type: "button", class: resume ? "secondary" : "primary", onclick: startNew },
          resume ? t("home.start_new") : t("home.start")),
        buttonLink("#/guide", t("home.read_guide")),
        buttonLink("#/guide/faq", t("home.faq")),
        buttonLink("#/diary", t("home.open_diary"))),
      h("p", { class: "emergency-note" }, t("home.emergency_note")),
      h("p", { class: "offline-status", id: "offline-status" }, offlineStatus()),
      h("p", { class: "small" }, t("home.not_a_diagnosis"), " ",
        h("a", { href: "#/about" }, t("home.about")), " · ", h("a", { href: "#/privacy" }, t("home.privacy"))),
      languageControl(app, "home-language")), // last: drawing it moves nothing the page had already painted
  };
}
