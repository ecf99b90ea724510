// Ask before anything the person entered is thrown away.
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
    title: "Start a new check?",
    text: "The answers you gave so far will be deleted from this device.",
    yes: "Yes, delete them and start again",
    no: "No, keep my answers",
  }, onYes);
}
