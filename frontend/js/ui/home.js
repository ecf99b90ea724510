// The home screen: start or continue the check, read the guide, and whether the app works offline.
import { answeredCount } from "../answers.js";
import { confirmStartOver } from "./confirm.js";
import { buttonLink, h, screenHeading } from "./dom.js";

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
    resume = h("section", { class: "card resume", "aria-labelledby": "resume-title" },
      h("h2", { id: "resume-title" }, "Your last check"),
      h("p", {}, "Your results are saved on this device."),
      buttonLink("#/results", "See your results", "primary"));
  } else if (saved && (answered > 0 || saved.at)) {
    const at = questions.findIndex((q) => q.id === saved.at);
    resume = h("section", { class: "card resume", "aria-labelledby": "resume-title" },
      h("h2", { id: "resume-title" }, "You have a check in progress"),
      h("p", {}, `${answered} of ${questions.length} questions answered. Your answers are saved on this device.`),
      buttonLink(`#/check/${at >= 0 ? questions[at].id : questions[0].id}`, "Continue your check", "primary"));
  }

  return {
    title: "",
    view: h("div", { class: "home" },
      screenHeading("Why do my muscles twitch?"),
      h("p", { class: "lead" },
        "Answer a few short questions. You will see how soon to get help, the likely triggers, and what to try. ",
        "It takes about 3 minutes, and your answers never leave this device."),
      resume,
      h("div", { class: "stack" },
        h("button", { type: "button", class: resume ? "secondary" : "primary", onclick: startNew },
          resume ? "Start a new check" : "Start the check"),
        buttonLink("#/guide", "Read the guide"),
        buttonLink("#/diary", "Open your twitch diary")),
      h("p", { class: "emergency-note" },
        "If you have trouble breathing, or sudden weakness or drooping on one side, call an ambulance now."),
      h("p", { class: "offline-status", id: "offline-status" }, app.offlineStatus()),
      h("p", { class: "small" }, "General information, not a diagnosis. ",
        h("a", { href: "#/about" }, "About this app"), " · ", h("a", { href: "#/privacy" }, "Privacy"))),
  };
}
