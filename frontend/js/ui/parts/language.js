// The Language control (Idioma): the content's languages, each named in itself; the choice is kept on the device.
// Beside it, "Where are you?": the region whose numbers the cards show.
import { t } from "../../words.js";
import { h } from "./dom.js";

export function languageControl(app, id) {
  // After the switch, every Language control shows the language in use: the old one if the switch failed (offline,
  // a language not saved on this phone yet).
  const onchange = async (event) => {
    await app.switchLanguage(event.target.value);
    for (const control of document.querySelectorAll(".language select")) control.value = app.lang;
  };
  const select = h("select", { id, onchange },
    app.content.languages.map((language) => h("option", { value: language.id, lang: language.id,
      selected: language.id === app.lang }, language.name)));
  return h("p", { class: "language" }, h("label", { for: id }, t("language.label")), " ", select);
}

/** The footer's "Where are you?" (¿Dónde está?): the regions the content lists, or somewhere else; kept on the
 * device, it picks the numbers every card shows (region.js). */
export function regionControl(app, id, region) {
  const select = h("select", { id, onchange: (event) => app.switchRegion(event.target.value) },
    h("option", { value: "", selected: !region.code }, t("region.somewhere_else")),
    app.content.regions.countries.map((country) => h("option", { value: country.id, selected: country.id === region.code },
      country.name)));
  return h("p", { class: "region" }, h("label", { for: id }, t("region.where")), " ", select);
}
