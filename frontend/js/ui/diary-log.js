// Log a twitch, or change or delete one: where, how strong, a note; the time is now unless changed.
// #/diary/log logs a new one (filled in like the last, so a repeat is "Log a twitch", "Save");
// #/diary/log/<id> changes that entry.
import { localTime, todayKey } from "../diary/days.js";
import { AREAS, NOTE_MAX_LENGTH, STRENGTHS, editTwitchEntry, newTwitchEntry } from "../diary/model.js";
import { confirm } from "./confirm.js";
import { buttonLink, h, screenHeading } from "./dom.js";
import { areaLabel, entryTime, entryWhat, formatDay, messageScreen, saveRecord, setFlash, STRENGTH_LABELS } from "./diary-common.js";

const STRENGTH_HINTS = Object.freeze({
  light: "A flicker you can feel",
  strong: "You can see it move",
  constant: "It keeps going for minutes or more",
});

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
    h("summary", {}, entry ? `When: ${formatDay(entry.day)}, ${shown.time}` : "When: now (change the time)"),
    h("div", { class: "diary-when-fields" },
      h("div", { class: "field" }, h("label", { for: day.id }, "Day"), day),
      h("div", { class: "field" }, h("label", { for: time.id }, "Time"), time)));
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
  return messageScreen({ title: "Not in your diary", heading: "This entry is not in your diary",
    text: "It may have been deleted.", link: ["#/diary", "Go to your diary", "primary"] });
}

export async function render(app, [id], store) {
  const entries = await store.listEntries();
  const entry = id === undefined ? null : entries.find((e) => e.id === id);
  if (id !== undefined && !entry) return notFound();
  const last = entries.at(-1);
  const area = choices("area", "Where?", AREAS.map((a) => [a, [areaLabel(app.content, a)]]), entry?.area ?? last?.area);
  const strength = choices("strength", "How strong?", STRENGTHS.map((s) => [s, [STRENGTH_LABELS[s], STRENGTH_HINTS[s]]]),
    entry?.strength ?? last?.strength ?? "light");
  const note = h("input", { type: "text", id: "log-note", name: "note", maxlength: String(NOTE_MAX_LENGTH), autocomplete: "off",
    "aria-describedby": "log-note-hint", value: entry?.note ?? "" });
  const when = whenField(entry);
  const problem = h("p", { class: "diary-error", role: "alert" });

  const save = async (event) => {
    event.preventDefault();
    problem.textContent = "";
    if (!area.value()) return area.complain("Choose where you felt it.");
    const at = when.at();
    if (at === null) return problem.append("Choose a day and a time, or close “When” to keep it as it was.");
    if (at && at.getTime() > Date.now() + FUTURE_SLACK_MS) return problem.append("That time is still to come. Choose a time up to now.");
    const fields = { area: area.value(), strength: strength.value(), note: note.value, at };
    const saved = entry ? editTwitchEntry(entry, fields) : newTwitchEntry(fields);
    if (!(await saveRecord(() => store.putEntry(saved), "twitch", problem))) return;
    const day = saved.day === todayKey() ? "today" : formatDay(saved.day);
    setFlash(`Saved: ${entryWhat(app.content, saved)}, ${day} at ${entryTime(saved)}.`);
    return app.go("diary");
  };

  const remove = () => confirm({
    title: "Delete this twitch?",
    text: `${entryWhat(app.content, entry)}, ${formatDay(entry.day)} at ${entryTime(entry)}. This cannot be undone.`,
    yes: "Delete it",
    no: "Keep it",
  }, async () => {
    await store.deleteEntry(entry.id);
    setFlash(`Deleted: ${entryWhat(app.content, entry)}, ${formatDay(entry.day)} at ${entryTime(entry)}.`);
    app.go("diary");
  });

  return {
    title: entry ? "Change a twitch" : "Log a twitch",
    view: h("form", { class: "diary diary-log", novalidate: true, onsubmit: save },
      screenHeading(entry ? "Change this twitch" : "Log a twitch"),
      !entry && last && h("p", { class: "small" }, "Filled in like your last one: change what is different."),
      area.fieldset,
      strength.fieldset,
      h("div", { class: "field" },
        h("label", { for: note.id }, "Note"),
        h("p", { class: "small", id: "log-note-hint" }, "Optional: what you were doing, how long it lasted."),
        note),
      when.details,
      problem,
      h("div", { class: "actions" },
        h("button", { type: "submit", class: "primary" }, "Save"),
        buttonLink("#/diary", "Cancel"),
        entry && h("button", { type: "button", class: "secondary diary-delete", onclick: remove }, "Delete this twitch"))),
  };
}
