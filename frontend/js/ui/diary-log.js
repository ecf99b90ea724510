// Log a twitch, or change or delete one: where, how strong, a note; the time is now unless changed.
// #/diary/log logs a new one (filled in like the last, so a repeat is "Log a twitch", "Save");
// #/diary/log/<id> changes that entry.
import { localTime, todayKey } from "../diary/days.js";
import { NOTE_MAX_LENGTH, diaryRules, editTwitchEntry, newTwitchEntry } from "../diary/model.js";
import { t } from "../words.js";
import { confirm } from "./confirm.js";
import { buttonLink, h, screenHeading } from "./dom.js";
import { areaLabel, entryTime, entryWhat, formatDay, strengthHint, strengthLabel } from "./diary-format.js";
import { messageScreen } from "./diary-nav.js";
import { saveRecord, setFlash } from "./diary-save.js";

// A minute of slack: the clock on the form and the clock at Save differ by the time it took to fill in.
const FUTURE_SLACK_MS = 60 * 1000;

function choices(name, legend, options, chosen) {
  const inputs = options.map(([value]) => h("input", {
    type: "radio", name, value, id: `${name}-${value}`, checked: value === chosen,
  }));
  const error = h("p", { class: "diary-error", id: `${name}-error`, hidden: true });
  const fieldset = h("fieldset", { class: `diary-choices diary-choices-${name}` },
    h("legend", {}, h("h2", {}, legend)),
    error,
    h("div", { class: "options" }, options.map(([, label], n) =>
      h("label", { class: "option", for: inputs[n].id }, inputs[n], h("span", {}, label[0], label[1] && h("span", { class: "diary-hint" }, label[1]))))));
  return {
    fieldset,
    value: () => inputs.find((input) => input.checked)?.value,
    complain(message) {
      error.textContent = message;
      error.hidden = false;
      fieldset.setAttribute("aria-describedby", error.id);
      inputs[0].focus();
    },
  };
}

function whenField(entry) {
  const now = new Date();
  const shown = entry ? { day: entry.day, time: entryTime(entry) } : { day: todayKey(now), time: now.toTimeString().slice(0, 5) };
  const day = h("input", { type: "date", id: "log-day", name: "day", value: shown.day, max: todayKey(now), required: true });
  const time = h("input", { type: "time", id: "log-time", name: "time", value: shown.time, required: true });
  let changed = false;
  const details = h("details", { class: "diary-when", open: Boolean(entry) },
    h("summary", {}, entry ? t("diary.log.when_at", { day: formatDay(entry.day), time: shown.time }) : t("diary.log.when_now")),
    h("div", { class: "diary-when-fields" },
      h("div", { class: "field" }, h("label", { for: day.id }, t("diary.log.day")), day),
      h("div", { class: "field" }, h("label", { for: time.id }, t("diary.log.time")), time)));
  details.addEventListener("input", () => { changed = true; });
  return {
    details,
    /** The chosen moment, undefined when left as it was (now, or the entry's own time), or null when not valid. */
    at() {
      if (!changed) return undefined;
      try {
        return localTime(day.value, time.value);
      } catch {
        return null;
      }
    },
  };
}

function notFound() {
  return messageScreen({ title: t("diary.log.not_found_title"), heading: t("diary.log.not_found_heading"),
    text: t("diary.log.not_found_text"), link: ["#/diary", t("diary.go_to_diary"), "primary"] });
}

export async function render(app, [id], store) {
  const entries = await store.listEntries();
  const entry = id === undefined ? null : entries.find((e) => e.id === id);
  if (id !== undefined && !entry) return notFound();
  const last = entries.at(-1);
  const rules = diaryRules(app.content);
  const area = choices("area", t("diary.log.where"), rules.areas.map((a) => [a, [areaLabel(app.content, a)]]), entry?.area ?? last?.area);
  const strength = choices("strength", t("diary.log.how_strong"), rules.strengths.map((s) => [s, [strengthLabel(s), strengthHint(s)]]),
    entry?.strength ?? last?.strength ?? "light");
  const note = h("input", { type: "text", id: "log-note", name: "note", maxlength: String(NOTE_MAX_LENGTH), autocomplete: "off",
    "aria-describedby": "log-note-hint", value: entry?.note ?? "" });
  const when = whenField(entry);
  const problem = h("p", { class: "diary-error", role: "alert" });

  const save = async (event) => {
    event.preventDefault();
    problem.textContent = "";
    if (!area.value()) return area.complain(t("diary.log.choose_area"));
    const at = when.at();
    if (at === null) return problem.append(t("diary.log.bad_time"));
    if (at && at.getTime() > Date.now() + FUTURE_SLACK_MS) return problem.append(t("diary.log.future_time"));
    const fields = { area: area.value(), strength: strength.value(), note: note.value, at };
    const saved = entry ? editTwitchEntry(entry, fields) : newTwitchEntry(fields);
    if (!(await saveRecord(() => store.putEntry(saved), "twitch", problem))) return;
    const what = entryWhat(app.content, saved);
    setFlash(saved.day === todayKey()
      ? t("diary.log.saved_today", { what, time: entryTime(saved) })
      : t("diary.log.saved", { what, day: formatDay(saved.day), time: entryTime(saved) }));
    return app.go("diary");
  };

  const logged = () => ({ what: entryWhat(app.content, entry), day: formatDay(entry.day), time: entryTime(entry) });
  const remove = () => confirm({
    title: t("diary.log.delete_title"),
    text: t("diary.log.delete_text", logged()),
    yes: t("diary.log.delete_yes"),
    no: t("diary.keep_it"),
  }, async () => {
    await store.deleteEntry(entry.id);
    setFlash(t("diary.log.deleted", logged()));
    app.go("diary");
  });

  return {
    title: entry ? t("diary.log.change_title") : t("diary.log_a_twitch"),
    view: h("form", { class: "diary diary-log", novalidate: true, onsubmit: save },
      screenHeading(entry ? t("diary.log.change_heading") : t("diary.log_a_twitch")),
      !entry && last && h("p", { class: "small" }, t("diary.log.filled_in")),
      area.fieldset,
      strength.fieldset,
      h("div", { class: "field" },
        h("label", { for: note.id }, t("diary.log.note")),
        h("p", { class: "small", id: "log-note-hint" }, t("diary.log.note_hint")),
        note),
      when.details,
      problem,
      h("div", { class: "actions" },
        h("button", { type: "submit", class: "primary" }, t("diary.save")),
        buttonLink("#/diary", t("diary.cancel")),
        entry && h("button", { type: "button", class: "secondary diary-delete", onclick: remove }, t("diary.log.delete")))),
  };
}
