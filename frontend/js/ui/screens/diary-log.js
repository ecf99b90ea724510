// Log a twitch, or change or delete one: where, how strong, a note; the time is now unless changed.
// #/diary/log logs a new one (filled in like the last, so a repeat is "Log a twitch", "Save");
// #/diary/log/<id> changes that entry. What is typed is kept as a draft on the device until it is saved, so a
// reload (an app update) does not lose it; a save that meets a change made in another tab asks first.
import { dayKey, localTime, todayKey } from "../../diary/days.js";
import { EARLIEST_DAY, NOTE_MAX_LENGTH, cleanNote, diaryRules, editTwitchEntry, newTwitchEntry } from "../../diary/model.js";
import { t } from "../../words.js";
import { confirm } from "../parts/confirm.js";
import { buttonLink, h, screenHeading } from "../parts/dom.js";
import { areaLabel, entryTime, entryWhat, formatDay, strengthHint, strengthLabel } from "../parts/diary-format.js";
import { messageScreen } from "../parts/diary-nav.js";
import { draftOf, dropDraft, keepDraft, redraw, restoredLine, saveRecord, setFlash } from "../parts/diary-save.js";

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

function whenField(entry, draft) {
  const now = new Date();
  const shown = entry ? { day: entry.day, time: entryTime(entry) } : { day: todayKey(now), time: now.toTimeString().slice(0, 5) };
  const day = h("input", { type: "date", id: "log-day", name: "day", value: draft?.day ?? shown.day, min: EARLIEST_DAY,
    max: todayKey(now), required: true });
  const time = h("input", { type: "time", id: "log-time", name: "time", value: draft?.time ?? shown.time, required: true });
  let changed = Boolean(draft?.day);
  const details = h("details", { class: "diary-when", open: Boolean(entry) || changed },
    h("summary", {}, entry ? t("diary.log.when_at", { day: formatDay(entry.day), time: shown.time }) : t("diary.log.when_now")),
    h("div", { class: "diary-when-fields" },
      h("div", { class: "field" }, h("label", { for: day.id }, t("diary.log.day")), day),
      h("div", { class: "field" }, h("label", { for: time.id }, t("diary.log.time")), time)));
  details.addEventListener("input", () => { changed = true; });
  return {
    details,
    /** The day and time as typed, when changed: for the draft. */
    typed: () => (changed ? { day: day.value, time: time.value } : {}),
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

/** The note field: no cut at the limit (a pasted note would lose its end without a word); it says when it is too long. */
function noteField(value) {
  const input = h("input", { type: "text", id: "log-note", name: "note", autocomplete: "off",
    "aria-describedby": ["log-note-hint", "log-note-length"].join(" "), value });
  const length = h("p", { class: "diary-error", id: "log-note-length", "aria-live": "polite" });
  const tooLong = () => cleanNote(input.value).length > NOTE_MAX_LENGTH;
  const check = () => {
    length.textContent = tooLong() ? t("diary.log.note_too_long", { count: cleanNote(input.value).length, max: NOTE_MAX_LENGTH }) : "";
  };
  input.addEventListener("input", check);
  check();
  return {
    input,
    field: h("div", { class: "field" },
      h("label", { for: input.id }, t("diary.log.note")),
      h("p", { class: "small", id: "log-note-hint" }, t("diary.log.note_hint", { max: NOTE_MAX_LENGTH })),
      input,
      length),
    tooLong,
  };
}

/** The choice after a save met another version: buttons in the form's alert, what was typed left as it is. */
function conflictChoice(problem, message, choices) {
  problem.replaceChildren(h("span", {}, message), h("span", { class: "actions diary-conflict" },
    choices.map(([label, run, kind = "secondary"]) => h("button", { type: "button", class: kind, onclick: run }, label))));
}

// #/diary/log/new/<area>: a new entry with that area chosen (the results' "Log this twitch in your diary").
const NEW = "new";

export async function render(app, [given, chosenArea], store) {
  const id = given === NEW ? undefined : given;
  const entry = id === undefined ? null : await store.getEntry(id);
  if (id !== undefined && !entry) return notFound();
  const draftName = `log.${entry ? entry.id : "new"}`;
  const draft = draftOf(draftName);
  const last = entry ? null : await store.lastEntry();
  const rules = diaryRules(app.content);
  const known = (options, value) => (options.includes(value) ? value : undefined);
  const area = choices("area", t("diary.log.where"), rules.areas.map((a) => [a, [areaLabel(app.content, a)]]),
    known(rules.areas, draft?.area) ?? entry?.area ?? known(rules.areas, chosenArea) ?? last?.area);
  const strength = choices("strength", t("diary.log.how_strong"), rules.strengths.map((s) => [s, [strengthLabel(s), strengthHint(s)]]),
    known(rules.strengths, draft?.strength) ?? entry?.strength ?? last?.strength ?? "light");
  const note = noteField(typeof draft?.note === "string" ? draft.note : entry?.note ?? "");
  const when = whenField(entry, draft);
  const problem = h("div", { class: "diary-error", role: "alert" });
  // The stored version this change is made to: the draft's when one was kept (it was typed against that one).
  let basedOn = draft && "basedOn" in draft ? draft.basedOn : entry?.updated_at ?? null;

  const typed = () => ({ area: area.value() ?? null, strength: strength.value() ?? null, note: note.input.value, ...when.typed(), basedOn });
  const remember = () => keepDraft(draftName, typed());

  const save = async (event) => {
    event?.preventDefault();
    problem.replaceChildren();
    if (!area.value()) return area.complain(t("diary.log.choose_area"));
    if (note.tooLong()) {
      problem.append(t("diary.log.note_too_long", { count: cleanNote(note.input.value).length, max: NOTE_MAX_LENGTH }));
      return note.input.focus();
    }
    const at = when.at();
    if (at === null) return problem.append(t("diary.log.bad_time"));
    if (at && at.getTime() > Date.now() + FUTURE_SLACK_MS) return problem.append(t("diary.log.future_time"));
    if (at && dayKey(at) < EARLIEST_DAY) return problem.append(t("diary.log.too_early", { day: formatDay(EARLIEST_DAY, { year: true }) }));
    const fields = { area: area.value(), strength: strength.value(), note: note.input.value, at };
    const saved = entry ? editTwitchEntry(entry, fields) : newTwitchEntry(fields);
    const saving = await saveRecord(() => store.putEntry(saved, { basedOn }), "twitch", problem, {
      onConflict: (current) => {
        basedOn = current?.updated_at ?? null; // the version a second Save would replace
        remember();
        if (current) {
          conflictChoice(problem, t("diary.log.conflict_changed"), [
            [t("diary.save_mine"), () => save(), "primary"],
            [t("diary.log.show_other"), () => { dropDraft(draftName); redraw(); }],
          ]);
        } else {
          conflictChoice(problem, t("diary.log.conflict_deleted"), [
            [t("diary.save_again"), () => save(), "primary"],
            [t("diary.go_to_diary"), () => { dropDraft(draftName); app.go("diary"); }],
          ]);
        }
      },
    });
    if (!saving) return undefined;
    dropDraft(draftName);
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
    problem.replaceChildren();
    try {
      await store.deleteEntry(entry.id);
    } catch (error) {
      console.warn("The twitch could not be deleted:", error);
      problem.append(error?.name === "QuotaExceededError" ? t("diary.log.not_deleted_full") : t("diary.log.not_deleted"));
      return;
    }
    dropDraft(draftName);
    setFlash(t("diary.log.deleted", logged()));
    app.go("diary");
  });
  const cancel = buttonLink("#/diary", t("diary.cancel"));
  cancel.addEventListener("click", () => dropDraft(draftName));

  const form = h("form", { class: "diary diary-log", novalidate: true, onsubmit: save },
    screenHeading(entry ? t("diary.log.change_heading") : t("diary.log_a_twitch")),
    draft ? restoredLine(draftName) : !entry && last && h("p", { class: "small" }, t("diary.log.filled_in")),
    area.fieldset,
    strength.fieldset,
    note.field,
    when.details,
    problem,
    h("div", { class: "actions" },
      h("button", { type: "submit", class: "primary" }, t("diary.save")),
      cancel,
      entry && h("button", { type: "button", class: "secondary diary-delete", onclick: remove }, t("diary.log.delete"))));
  form.addEventListener("input", remember);
  form.addEventListener("change", remember);
  return { title: entry ? t("diary.log.change_title") : t("diary.log_a_twitch"), view: form };
}
