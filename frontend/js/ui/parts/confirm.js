// Ask before anything the person entered is thrown away.
import { t } from "../../words.js";
import { h } from "./dom.js";

/** A modal question with a safe default (the cancel button has focus); `onYes` runs only on yes. */
export function confirm({ title, text, yes, no }, onYes) {
  const dialog = h("dialog", { class: "confirm", "aria-labelledby": "confirm-title" },
    h("h2", { id: "confirm-title" }, title),
    h("p", {}, text),
    h("div", { class: "actions" },
      h("button", { type: "button", class: "secondary", autofocus: true, onclick: () => dialog.close() }, no),
      h("button", { type: "button", class: "primary", onclick: () => { dialog.close(); onYes(); } }, yes)));
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}

export function confirmStartOver(onYes) {
  confirm({
    title: t("confirm.start_over_title"),
    text: t("confirm.start_over_text"),
    yes: t("confirm.start_over_yes"),
    no: t("confirm.start_over_no"),
  }, onYes);
}
