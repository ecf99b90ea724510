// Why a backup file was not imported, in words: the codes of backup.js's BackupError and of the model's record
// checks, put into content/diary.yml's words. Field names and option ids stay as the file has them, so that
// someone fixing a file by hand can find them.
import { locale } from "../../language.js";
import { t } from "../../words.js";

const list = (values) => values.join(", ");

/** "must be one of eyelid, face, …": one thing wrong with one field of a record. */
export function recordProblemText({ code, values }) {
  switch (code) {
    case "unknown_field": return t("diary.record.unknown_field");
    case "not_object": return t("diary.record.not_object");
    case "not_uuid": return t("diary.record.not_uuid");
    case "not_instant": return t("diary.record.not_instant");
    case "not_day": return t("diary.record.not_day");
    case "too_early": return t("diary.record.too_early", values);
    case "in_future": return t("diary.record.in_future");
    case "not_offset": return t("diary.record.not_offset", values);
    case "day_mismatch": return t("diary.record.day_mismatch");
    case "not_one_of": return values.optional
      ? t("diary.record.not_one_of_or_null", { options: list(values.options) })
      : t("diary.record.not_one_of", { options: list(values.options) });
    case "not_text": return t("diary.record.not_text");
    case "too_long": return t("diary.record.too_long", values);
    case "bad_characters": return t("diary.record.bad_characters");
    case "not_list": return t("diary.record.not_list");
    case "unknown_options": return t("diary.record.unknown_options", { unknown: list(values.unknown), options: list(values.options) });
    case "repeated_option": return t("diary.record.repeated_option");
    case "exclusive_with_others": return t("diary.record.exclusive_with_others", values);
    case "not_integer": return t("diary.record.not_integer", values);
    case "not_allowed_order": return t("diary.record.not_allowed_order");
    case "needs_value": return t("diary.record.needs_value");
    case "must_be_null": return t("diary.record.must_be_null");
    default: throw new Error(`no words for the record problem "${code}"`);
  }
}

function badRecordText({ record, number, field, problem }) {
  const values = { number, field, problem: recordProblemText(problem) };
  if (record === "entry") return t("diary.backup.problem.entry", values);
  if (record === "checkin") return t("diary.backup.problem.checkin", values);
  if (record === "experiment") return t("diary.backup.problem.experiment", values);
  return t("diary.backup.problem.deletion", values);
}

function sameIdText({ record, number, first }) {
  if (record === "entry") return t("diary.backup.problem.same_entry_id", { number, first });
  if (record === "checkin") return t("diary.backup.problem.same_checkin_id", { number, first });
  if (record === "experiment") return t("diary.backup.problem.same_experiment_id", { number, first });
  return t("diary.backup.problem.same_deletion_id", { number, first });
}

/** One reason a backup file was refused (a BackupError's problem), as a sentence. */
export function backupProblemText({ code, values }) {
  switch (code) {
    case "empty": return t("diary.backup.problem.empty");
    case "too_large": return t("diary.backup.problem.too_large", values);
    case "not_json": return t("diary.backup.problem.not_json");
    case "not_backup": return t("diary.backup.problem.not_backup");
    case "bad_version": return t("diary.backup.problem.bad_version");
    case "newer_version": return t("diary.backup.problem.newer_version", values);
    case "not_a_list": return t("diary.backup.problem.not_a_list", values);
    case "too_many": return t("diary.backup.problem.too_many", { list: values.list, count: values.count.toLocaleString(locale()), max: values.max.toLocaleString(locale()) });
    case "bad_record": return badRecordText(values);
    case "same_id": return sameIdText(values);
    case "same_day": return t("diary.backup.problem.same_day", values);
    case "more": return t("diary.backup.problem.more", values);
    default: throw new Error(`no words for the backup problem "${code}"`);
  }
}
