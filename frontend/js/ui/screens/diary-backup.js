// Backup: export the whole diary as JSON (to import again, on this phone or another) or the twitches as
// CSV (for a spreadsheet), and import a backup: it is checked first, then the screen shows what it would add,
// change and remove, and nothing is written until the person agrees (removing asks again). A bad file changes
// nothing; a large one shows its progress. Files go only where the person saves them.
import { locale } from "../../language.js";
import { todayKey } from "../../diary/days.js";
import {
  BackupError, exportCsv, exportFileName, exportJson, parseBackupInSteps, readBackupFile,
} from "../../diary/backup.js";
import { DIARY_CAPACITY, diaryRules } from "../../diary/model.js";
import { DiaryFullError, PlanChangedError } from "../../diary/storage.js";
import { t } from "../../words.js";
import { confirm } from "../parts/confirm.js";
import { h, screenHeading } from "../parts/dom.js";
import { checkinCount, entryTime, entryWhat, formatDay, twitchCount } from "../parts/diary-format.js";
import { diaryNav } from "../parts/diary-nav.js";
import { backupProblemText } from "../parts/diary-problems.js";
import { afterWrite, notSavedText, storageAnswer } from "../parts/diary-save.js";

// The browser reads the file from the link when the download starts; the address is freed a while after.
const RELEASE_DOWNLOAD_AFTER_MS = 60 * 1000;
// Records to be removed that the preview names one by one; the rest are counted.
const NAMED_REMOVALS = 10;

function download(text, name, type) {
  const address = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: address, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(address), RELEASE_DOWNLOAD_AFTER_MS);
}

/** "3 twitches" and "1 check-in", for the words about a diary's size: from counts {entries, checkins}. */
const sizeOf = ({ entries, checkins }) => ({ twitches: twitchCount(entries), checkins: checkinCount(checkins) });

function sizeText(counts) {
  return t("diary.backup.size", sizeOf(counts));
}

/** A progress bar with its words: show(words) starts a step, set(done, total) moves the bar, hide() ends. */
function progressBar() {
  const words = h("p", { id: "import-progress-words", role: "status" });
  const bar = h("progress", { "aria-labelledby": words.id });
  const view = h("div", { class: "diary-progress", hidden: true }, words, bar);
  return {
    view,
    show(text) {
      words.textContent = text;
      bar.removeAttribute("value"); // moving, until there is something to count
      view.hidden = false;
    },
    set({ done, total }) {
      bar.max = total;
      bar.value = done;
    },
    hide() {
      view.hidden = true;
    },
  };
}

/** The preview's lines: what the import adds, changes, removes and leaves, each kind counted. */
function planLines(plan) {
  const of = (key) => sizeOf({ entries: plan.by_kind.entries[key], checkins: plan.by_kind.checkins[key] });
  const lines = [
    ["added", () => t("diary.backup.preview.add", of("added"))],
    ["updated", () => t("diary.backup.preview.change", of("updated"))],
    ["removed", () => t("diary.backup.preview.remove", of("removed"))],
    ["unchanged", () => t("diary.backup.preview.unchanged", of("unchanged"))],
    ["stay_deleted", () => t("diary.backup.preview.stay_deleted", of("stay_deleted"))],
  ];
  return lines.filter(([key]) => plan.counts[key] > 0).map(([key, words]) => h("li", { "data-plan": key }, words()));
}

/** The records the import would remove, named, so the person knows what they agree to. */
function removalList(app, plan) {
  const named = [
    ...plan.removing.entries.map((entry) => t("diary.backup.preview.removed_entry",
      { what: entryWhat(app.content, entry), day: formatDay(entry.day, { year: true }), time: entryTime(entry) })),
    ...plan.removing.checkins.map((checkin) => t("diary.backup.preview.removed_checkin", { day: formatDay(checkin.day, { year: true }) })),
  ];
  const more = named.length - NAMED_REMOVALS;
  return h("ul", { class: "diary-removals" },
    named.slice(0, NAMED_REMOVALS).map((text) => h("li", {}, text)),
    more > 0 && h("li", {}, t("diary.backup.preview.removed_more", { count: more })));
}

export async function render(app, params, store) {
  const rules = diaryRules(app.content);
  const size = h("p", {}, sizeText(await store.counts()));
  const exported = h("p", { class: "small", role: "status" });
  const imported = h("div", { role: "status" });
  const told = h("div", {}); // the browser's answer about keeping the diary, once: a status line of its own
  const failed = h("div", { role: "alert" });
  const progress = progressBar();
  const preview = h("div", {});
  const file = h("input", { type: "file", id: "backup-file", name: "backup", accept: ".json,application/json" });

  const showProblems = (problems) => {
    progress.hide();
    failed.replaceChildren(h("div", { class: "diary-problem" },
      h("p", {}, h("strong", {}, t("diary.backup.not_imported"))),
      h("ul", {}, problems.map((problem) => h("li", {}, problem)))));
  };
  const exporting = (work) => async () => {
    exported.textContent = "";
    try {
      await work();
    } catch (error) {
      console.warn("The diary could not be exported:", error);
      exported.textContent = t("diary.backup.not_read");
    }
  };
  const exportBackup = exporting(async () => {
    const diary = await store.readAll();
    const name = exportFileName(todayKey());
    download(exportJson(diary), name, "application/json");
    exported.textContent = t("diary.backup.exported", { file: name, ...sizeOf({ entries: diary.entries.length, checkins: diary.checkins.length }) });
  });
  const csvHeadings = () => ({
    day: t("diary.csv.day"), time: t("diary.csv.time"), tz_offset_min: t("diary.csv.tz_offset_min"),
    area: t("diary.csv.area"), strength: t("diary.csv.strength"), note: t("diary.csv.note"), at: t("diary.csv.at"),
    id: t("diary.csv.id"),
  });
  const exportSpreadsheet = exporting(async () => {
    const { entries } = await store.readAll();
    const name = exportFileName(todayKey(), "csv");
    download(exportCsv(entries, csvHeadings()), name, "text/csv");
    exported.textContent = t("diary.backup.exported_csv", { file: name, twitches: twitchCount(entries.length) });
  });

  /** Writes the backup as agreed after the preview of `plan`; a diary changed since shows the preview again. */
  const write = async (chosen, backup, plan, { removing = [], keepHere = false } = {}) => {
    preview.replaceChildren();
    const changes = plan.counts.added + plan.counts.updated;
    progress.show(t("diary.backup.progress.writing", { count: changes, shown: changes.toLocaleString(locale()) }));
    let counts;
    try {
      counts = await store.mergeBackup(backup, { removing, keepHere, onProgress: progress.set });
    } catch (error) {
      console.warn("The backup could not be stored:", error);
      if (error instanceof PlanChangedError) return showPlan(chosen, backup, t("diary.backup.plan_changed"));
      return showProblems([error instanceof DiaryFullError || error?.name === "QuotaExceededError"
        ? notSavedText(error) : t("diary.backup.not_stored")]);
    }
    progress.hide();
    file.value = "";
    size.textContent = sizeText(await store.counts());
    const said = [t("diary.backup.imported", { file: chosen.name, ...counts })];
    if (counts.removed) said.push(t("diary.backup.imported_removed", { count: counts.removed }));
    if (counts.stay_deleted) said.push(t("diary.backup.imported_stay_deleted", { count: counts.stay_deleted }));
    await afterWrite(); // a first write: ask the browser to keep the diary, and say what it answered
    imported.replaceChildren(h("p", { class: "diary-flash" }, said.join(" ")));
    told.replaceChildren(storageAnswer() ?? "");
    return undefined;
  };

  const agreeToRemove = (chosen, backup, plan) => confirm({
    title: t("diary.backup.remove_title", { count: plan.counts.removed }),
    text: t("diary.backup.remove_text"),
    yes: t("diary.backup.remove_yes"),
    no: t("diary.backup.remove_no"),
  }, () => write(chosen, backup, plan, { removing: [...plan.removing.entries, ...plan.removing.checkins,
    ...(plan.removing.experiments ?? [])].map((record) => record.id) }));

  /** A backup's answers the content no longer has (a rollback removed them): kept, and said before importing. */
  const retiredLine = ({ retired = [] }) => {
    if (!retired.length) return null;
    const count = new Set(retired.map(({ record, number }) => `${record}#${number}`)).size;
    const ids = [...new Set(retired.map(({ value }) => value))].join(", ");
    return h("p", { "data-import-retired": String(count) }, t("diary.backup.preview.retired", { count, ids }));
  };

  /** What the import would do, before anything is written, with the choices; `note` says why it is shown again. */
  const showPlan = async (chosen, backup, note) => {
    progress.show(t("diary.backup.progress.comparing"));
    let plan;
    try {
      plan = await store.planBackup(backup);
    } catch (error) {
      console.warn("The diary could not be read:", error);
      return showProblems([t("diary.backup.not_read")]);
    }
    progress.hide();
    const heading = h("h3", { id: "preview-title", tabindex: "-1" }, t("diary.backup.preview.heading", { file: chosen.name }));
    const cancel = h("button", { type: "button", class: "secondary", onclick: () => { preview.replaceChildren(); file.value = ""; } },
      t("diary.cancel"));
    const full = plan.entries.length > DIARY_CAPACITY.entries;
    const nothing = plan.counts.added + plan.counts.updated + plan.counts.removed === 0;
    let choices = [h("button", { type: "button", class: "primary", onclick: () => write(chosen, backup, plan) }, t("diary.backup.confirm_import")), cancel];
    if (full) choices = [cancel];
    else if (plan.counts.removed) {
      choices = [
        h("button", { type: "button", class: "primary", onclick: () => agreeToRemove(chosen, backup, plan) },
          t("diary.backup.confirm_remove", { count: plan.counts.removed })),
        h("button", { type: "button", class: "secondary", onclick: () => write(chosen, backup, plan, { keepHere: true }) }, t("diary.backup.keep_mine")),
        cancel,
      ];
    }
    preview.replaceChildren(h("section", { class: "diary-preview", "data-import-preview": "", "aria-labelledby": heading.id },
      heading,
      note && h("p", { class: "diary-problem" }, note),
      full
        ? h("p", { class: "diary-problem" }, t("diary.backup.too_full", { count: plan.entries.length.toLocaleString(locale()), max: DIARY_CAPACITY.entries.toLocaleString(locale()) }))
        : [
          nothing ? h("p", {}, t("diary.backup.preview.nothing")) : h("ul", { class: "diary-plan" }, planLines(plan)),
          retiredLine(backup),
          // Only one experiment runs at a time: said before the import stops the earlier one.
          plan.replaced?.length > 0 && h("p", { "data-import-replaced": String(plan.replaced.length) }, t("diary.experiment.replaced")),
          plan.counts.removed > 0 && [h("p", {}, h("strong", {}, t("diary.backup.preview.removed_heading"))), removalList(app, plan)],
          h("p", { class: "small" }, t("diary.backup.preview.nothing_yet")),
        ],
      h("div", { class: "actions" }, choices)));
    heading.focus();
    return undefined;
  };

  const importFile = async (event) => {
    event.preventDefault();
    imported.replaceChildren();
    failed.replaceChildren();
    preview.replaceChildren();
    const chosen = file.files[0];
    if (!chosen) {
      showProblems([t("diary.backup.no_file")]);
      return file.focus();
    }
    let backup;
    try {
      progress.show(t("diary.backup.progress.reading", { file: chosen.name }));
      const text = await readBackupFile(rules, chosen, { onProgress: progress.set });
      progress.show(t("diary.backup.progress.checking"));
      backup = await parseBackupInSteps(rules, text, { onProgress: progress.set });
    } catch (error) {
      if (error instanceof BackupError) return showProblems(error.problems.map(backupProblemText));
      console.warn("The backup file could not be read:", error);
      return showProblems([t("diary.backup.not_readable")]);
    }
    return showPlan(chosen, backup);
  };

  const deleteAll = () => confirm({
    title: t("diary.backup.delete_title"),
    text: t("diary.backup.delete_text"),
    yes: t("diary.backup.delete"),
    no: t("diary.keep_it"),
  }, async () => {
    imported.replaceChildren();
    failed.replaceChildren();
    try {
      await store.replaceAll({ entries: [], checkins: [] });
    } catch (error) {
      console.warn("The diary could not be deleted:", error);
      failed.replaceChildren(h("p", { class: "diary-problem" }, t("diary.backup.not_deleted")));
      return;
    }
    size.textContent = sizeText({ entries: 0, checkins: 0 });
    imported.replaceChildren(h("p", { class: "diary-flash" }, t("diary.backup.deleted")));
  });

  return {
    title: t("diary.nav.backup"),
    view: h("div", { class: "diary diary-backup" },
      screenHeading(t("diary.backup.heading")),
      diaryNav("backup"),
      size,
      h("p", {}, t("diary.backup.why")),
      h("section", { "aria-labelledby": "export-title" },
        h("h2", { id: "export-title" }, t("diary.backup.export_heading")),
        h("div", { class: "actions" },
          h("button", { type: "button", class: "primary", onclick: exportBackup }, t("diary.backup.export")),
          h("button", { type: "button", class: "secondary", onclick: exportSpreadsheet }, t("diary.backup.export_csv"))),
        h("p", { class: "small" }, t("diary.backup.export_help")),
        exported),
      h("section", { "aria-labelledby": "import-title" },
        h("h2", { id: "import-title" }, t("diary.backup.import_heading")),
        h("p", {}, t("diary.backup.import_help")),
        h("form", { class: "diary-import", novalidate: true, onsubmit: importFile },
          h("div", { class: "field" }, h("label", { for: file.id }, t("diary.backup.file_label")), file),
          h("button", { type: "submit", class: "secondary" }, t("diary.backup.import"))),
        progress.view,
        failed,
        preview,
        imported,
        told),
      h("section", { "aria-labelledby": "delete-title" },
        h("h2", { id: "delete-title" }, t("diary.backup.delete_heading")),
        h("p", {}, t("diary.backup.delete_help")),
        h("button", { type: "button", class: "secondary", onclick: deleteAll }, t("diary.backup.delete")))),
  };
}
