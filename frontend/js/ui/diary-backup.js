// Backup: export the whole diary as JSON (to import again, on this phone or another) or the twitches as
// CSV (for a spreadsheet), and import a backup: it is checked first, merged without duplicates, and a bad
// file changes nothing. Files go only where the person saves them.
import { todayKey } from "../diary/days.js";
import { BackupError, exportCsv, exportFileName, exportJson, parseBackup } from "../diary/backup.js";
import { confirm } from "./confirm.js";
import { h, screenHeading } from "./dom.js";
import { diaryNav, plural } from "./diary-common.js";

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

function sizeText({ entries, checkins }) {
  return `Your diary has ${plural(entries.length, "twitch", "twitches")} and ${plural(checkins.length, "check-in")}.`;
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
    exported.textContent = `Saved ${name}: ${plural(diary.entries.length, "twitch", "twitches")} and ${plural(diary.checkins.length, "check-in")}. Keep it somewhere safe, like your files or an email to yourself.`;
  };
  const exportSpreadsheet = async () => {
    const { entries } = await store.readAll();
    const name = exportFileName(todayKey(), "csv");
    download(exportCsv(entries), name, "text/csv");
    exported.textContent = `Saved ${name}: ${plural(entries.length, "twitch", "twitches")}, one a row.`;
  };

  const showProblems = (problems) => {
    failed.replaceChildren(h("div", { class: "diary-problem" },
      h("p", {}, h("strong", {}, "This file was not imported. Nothing in your diary has changed.")),
      h("ul", {}, problems.map((problem) => h("li", {}, problem)))));
  };
  const importBackup = async (event) => {
    event.preventDefault();
    imported.replaceChildren();
    failed.replaceChildren();
    const chosen = file.files[0];
    if (!chosen) {
      showProblems(["Choose a backup file first: a .json file made by Export backup."]);
      return file.focus();
    }
    let backup;
    try {
      backup = parseBackup(await chosen.text());
    } catch (error) {
      if (!(error instanceof BackupError)) throw error;
      return showProblems(error.problems);
    }
    let counts;
    try {
      counts = await store.mergeBackup(backup);
    } catch (error) {
      console.warn("The backup could not be stored:", error);
      return showProblems(["The backup could not be stored on this device. Check that the browser has space, then try again."]);
    }
    file.value = "";
    size.textContent = sizeText(await store.readAll());
    const deleted = counts.deleted ? `, and ${counts.deleted} you had deleted stay deleted` : "";
    imported.replaceChildren(h("p", { class: "diary-flash" },
      `Imported ${chosen.name}: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} already in your diary${deleted}.`));
    return undefined;
  };

  const deleteAll = () => confirm({
    title: "Delete the whole diary?",
    text: "Every twitch and check-in on this device will be deleted. Make a backup first if you may want them back.",
    yes: "Delete the diary",
    no: "Keep it",
  }, async () => {
    await store.replaceAll({ entries: [], checkins: [] });
    size.textContent = sizeText({ entries: [], checkins: [] });
    imported.replaceChildren(h("p", { class: "diary-flash" }, "Your diary has been deleted from this device."));
  });

  return {
    title: "Backup",
    view: h("div", { class: "diary diary-backup" },
      screenHeading("Backup and export"),
      diaryNav("backup"),
      size,
      h("p", {}, "The diary is kept only in this browser on this device. Clearing the browser’s data deletes it, and a new phone starts empty: a backup file keeps it safe."),
      h("section", { "aria-labelledby": "export-title" },
        h("h2", { id: "export-title" }, "Save a copy"),
        h("div", { class: "actions" },
          h("button", { type: "button", class: "primary", onclick: exportBackup }, "Export backup"),
          h("button", { type: "button", class: "secondary", onclick: exportSpreadsheet }, "Export twitches as CSV")),
        h("p", { class: "small" }, "The backup (.json) has everything and can be imported again. The CSV is for a spreadsheet."),
        exported),
      h("section", { "aria-labelledby": "import-title" },
        h("h2", { id: "import-title" }, "Import a backup"),
        h("p", {}, "Adds what is in a backup to this diary. Nothing here is deleted, and nothing is counted twice: when both have the same entry, the newer change is kept."),
        h("form", { class: "diary-import", novalidate: true, onsubmit: importBackup },
          h("div", { class: "field" }, h("label", { for: file.id }, "Backup file"), file),
          h("button", { type: "submit", class: "secondary" }, "Import backup")),
        failed,
        imported),
      h("section", { "aria-labelledby": "delete-title" },
        h("h2", { id: "delete-title" }, "Delete the diary"),
        h("p", {}, "Removes every twitch and check-in from this device. It cannot be undone."),
        h("button", { type: "button", class: "secondary", onclick: deleteAll }, "Delete the diary"))),
  };
}
