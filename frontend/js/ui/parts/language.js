// The Language control (Idioma): the content's languages, each named in itself; the choice is kept on the device.
import { t } from "../../words.js";
import { h } from "./dom.js";

export function languageControl(app, id) {
  const select = h("select", { id, onchange: (event) => app.switchLanguage(event.target.value) },
    app.content.languages.map((language) => h("option", { value: language.id, lang: language.id,
      selected: language.id === app.lang }, language.name)));
  return h("p", { class: "language" }, h("label", { for: id }, t("language.label")), " ", select);
}
