// Privacy: answers stay on the device, and the person can delete them here.
import { confirm } from "./confirm.js";
import { h, screenHeading } from "./dom.js";

export function render(app) {
  const status = h("p", { role: "status", class: "small" });
  const remove = () => confirm({
    title: "Delete your answers?",
    text: "Your answers and results will be removed from this device. This cannot be undone.",
    yes: "Yes, delete them",
    no: "No, keep them",
  }, () => {
    app.check.clear();
    status.textContent = "Your answers have been deleted from this device.";
  });
  return {
    title: "Privacy",
    view: h("article", {},
      screenHeading("Privacy"),
      h("p", { class: "lead" }, "Your answers never leave this device."),
      h("ul", {},
        h("li", {}, "The app works out your results on this device. It does not send your answers anywhere."),
        h("li", {}, "Your answers are saved in this browser’s storage so that a reload does not lose them. They are not shared with anyone."),
        h("li", {}, "Your twitch diary is kept in this browser’s storage too, and never sent anywhere. Make a backup from the diary to move it to another phone; delete it there too."),
        h("li", {}, "The app downloads its content (questions, advice and the guide) from our server, and nothing else. No accounts, no cookies, no trackers, no adverts, no other companies.")),
      h("h2", {}, "Delete your answers"),
      h("p", {}, "This removes your answers and results from this device. It cannot be undone."),
      h("button", { type: "button", class: "secondary", onclick: remove }, "Delete my answers"),
      status),
  };
}
