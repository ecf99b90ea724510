// Privacy: answers stay on the device, and the person can delete them here.
import { t } from "../../words.js";
import { confirm } from "../parts/confirm.js";
import { h, screenHeading } from "../parts/dom.js";

export function render(app) {
  const status = h("p", { role: "status", class: "small" });
  const remove = () => confirm({
    title: t("privacy.confirm_title"),
    text: t("privacy.confirm_text"),
    yes: t("privacy.confirm_yes"),
    no: t("privacy.confirm_no"),
  }, () => {
    app.check.clear();
    status.textContent = t("privacy.deleted");
  });
  return {
    title: t("privacy.title"),
    view: h("article", {},
      screenHeading(t("privacy.title")),
      h("p", { class: "lead" }, t("privacy.lead")),
      h("ul", {},
        h("li", {}, t("privacy.on_device")),
        h("li", {}, t("privacy.storage")),
        h("li", {}, t("privacy.diary")),
        h("li", {}, t("privacy.downloads"))),
      h("h2", {}, t("privacy.delete_heading")),
      h("p", {}, t("privacy.delete_text")),
      h("button", { type: "button", class: "secondary", onclick: remove }, t("privacy.delete")),
      status),
  };
}
