// Backup: export the whole diary as JSON (to import again, on this phone or another) or the twitches as
// CSV (for a spreadsheet), and import a backup: it is checked first, merged without duplicates, and a bad
// file changes nothing. Files go only where the person saves them.
import { todayKey } from "../diary/days.js";
import { BackupError, exportCsv, exportFileName, exportJson, parseBackup } from "../diary/backup.js";
import { diaryRules } from "../diary/model.js";
import { t } from "../words.js";
import { confirm } from "./confirm.js";
import { h, screenHeading } from "./dom.js";
import { checkinCount, twitchCount } from "./diary-format.js";
import { diaryNav } from "./diary-nav.js";
import { backupProblemText } from "./diary-problems.js";

// The browser reads the file from the link when the download starts; the address is freed a while after.
const RELEASE_DOWNLOAD_AFTER_MS = 60 * 1000;

function download(text, name, type) {
  const address = URL.createObjectURL(new Blob([text], { type }));
  const link = h("a", { href: address, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(address), RELEASE_DOWNLOAD_AFTER_MS);
}

/** "3 twitches" and "1 check-in", for the words about a diary's size. */
const sizeOf = ({ entries, checkins }) => ({ twitches: twitchCount(entries.length), checkins: checkinCount(checkins.length) });

function sizeText(diary) {
  return t("diary.backup.size", sizeOf(diary));
}

export async function render(app, params, store) {
  const size = h("p", {}, sizeText(await store.readAll()));
  const exported = h("p", { class: "small", role: "status" });
  const imported = h("div", { role: "status" });
  const failed = h("div", { role: "alert" });
  const file = h("input", { type: "file", id: "backup-file", name: "backup", accept: ".json,application/json" });

  const exportBackup = async () => {
    const diary = await store.readAll();
    const name = exportFileName(todayKey());
    download(exportJson(diary), name, "application/json");
    exported.textContent = t("diary.backup.exported", { file: name, ...sizeOf(diary) });
  };
  const exportSpreadsheet = async () => {
    const { entries } = await store.readAll();
    const name = exportFileName(todayKey(), "csv");
    download(exportCsv(entries), name, "text/csv");
    exported.textContent = t("diary.backup.exported_csv", { file: name, twitches: twitchCount(entries.length) });
  };

  const showProblems = (problems) => {
    failed.replaceChildren(h("div", { class: "diary-problem" },
      h("p", {}, h("strong", {}, t("diary.backup.not_imported"))),
      h("ul", {}, problems.map((problem) => h("li", {}, problem)))));
  };
  const importFile = async (event) => {
    event.preventDefault();
    imported.replaceChildren();
    failed.replaceChildren();
    const chosen = file.files[0];
    if (!chosen) {
      showProblems([t("diary.backup.no_file")]);
      return file.focus();
    }
    let backup;
    try {
      backup = parseBackup(diaryRules(app.content), await chosen.text());
    } catch (error) {
      if (!(error instanceof BackupError)) throw error;
      return showProblems(error.problems.map(backupProblemText));
    }
    let counts;
    try {
      counts = await store.mergeBackup(backup);
    } catch (error) {
      console.warn("The backup could not be stored:", error);
      return showProblems([t("diary.backup.not_stored")]);
    }
    file.value = "";
    size.textContent = sizeText(await store.readAll());
    const values = { file: chosen.name, ...counts };
    imported.replaceChildren(h("p", { class: "diary-flash" },
      counts.deleted ? t("diary.backup.imported_with_deleted", values) : t("diary.backup.imported", values)));
    return undefined;
  };

  const deleteAll = () => confirm({
    title: t("diary.backup.delete_title"),
    text: t("diary.backup.delete_text"),
    yes: t("diary.backup.delete"),
    no: t("diary.keep_it"),
  }, async () => {
    await store.replaceAll({ entries: [], checkins: [] });
    size.textContent = sizeText({ entries: [], checkins: [] });
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
        failed,
        imported),
      h("section", { "aria-labelledby": "delete-title" },
        h("h2", { id: "delete-title" }, t("diary.backup.delete_heading")),
        h("p", {}, t("diary.backup.delete_help")),
        h("button", { type: "button", class: "secondary", onclick: deleteAll }, t("diary.backup.delete")))),
  };
}
