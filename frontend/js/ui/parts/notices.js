// Messages at the top of every screen: offline ready, new content, a new version of the app.
import { t } from "../../words.js";
import { h } from "./dom.js";

/** Show a message (replacing one with the same id); an optional button acts on it.
 * A message without an action goes away when the person moves to another screen. */
export function notify(id, message, action) {
  const region = document.getElementById("notices");
  region.querySelector(`[data-notice="${id}"]`)?.remove();
  const notice = h("div", { class: action ? "notice floating" : "notice", "data-notice": id, "data-transient": !action },
    h("p", {}, message),
    h("div", { class: "actions" },
      action && h("button", { type: "button", class: "primary", onclick: action.run }, action.label),
      h("button", { type: "button", class: "secondary", onclick: () => notice.remove() }, t("notice.dismiss"))));
  region.append(notice);
  return notice;
}

/** Clear the messages that only inform, once the person has moved on. */
export function clearTransient() {
  for (const notice of document.querySelectorAll("#notices [data-transient]")) notice.remove();
}
