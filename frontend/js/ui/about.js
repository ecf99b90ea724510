// About: what the app is, how it decides, and where its content comes from.
import { buttonLink, h, screenHeading } from "./dom.js";

export function render(app) {
  const content = app.content;
  return {
    title: "About",
    view: h("article", {},
      screenHeading("About this app"),
      h("p", { class: "lead" },
        "The twitch trigger checker helps people whose muscles twitch a lot to find out why, whether it is serious, and what to do."),
      h("h2", {}, "How it decides"),
      h("p", {}, "Warning signs come first. Each warning sign has a level of help, and your result shows the most urgent level among the signs you report. With no warning sign, the advice is to look after it at home."),
      h("p", {}, "Each answer adds points to the everyday triggers it fits, such as short sleep to “Not enough sleep”. The triggers with the most points come first, and every point shows as a reason you can read."),
      h("p", {}, "It never says “you have” a condition. Conditions appear only as things to mention to a doctor."),
      h("h2", {}, "Where the advice comes from"),
      h("p", {}, "Every piece of advice names its sources, such as the NHS and MedlinePlus. ",
        h("a", { href: "#/guide/sources" }, "See all the sources"), "."),
      h("p", {}, `${content.license.attribution} Licence: ${content.license.name}.`),
      h("h2", {}, "For developers"),
      h("p", {}, "The same content and assessment are available as a free JSON API: ", h("a", { href: "api/docs" }, "API documentation"), "."),
      h("p", { class: "small" }, `Content version ${content.version}.`),
      h("p", { class: "disclaimer" }, content.disclaimer),
      buttonLink("#/privacy", "Privacy")),
  };
}
