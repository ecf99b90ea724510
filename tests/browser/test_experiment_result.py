"""A personal experiment's result on a phone (the personal-experiment contract, sections 8 to 12 and 14): the worked
example imported as a backup shows its verdict, numbers and words, chart and tables; the unclear and not-enough
vectors; a stopped experiment gives no verdict; warning signs, low adherence and several experiments are said; the
summary for a doctor carries the experiment; Spanish; axe in light and dark; and nothing leaves the phone.
"""
import json
import re
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from playwright.sync_api import expect

from api.content import load_content
from diary_steps import CONTENT, UI, import_backup, word, words_like

ORDER = ["usual", "change", "change", "usual", "change", "usual", "usual", "change", "usual", "change"]
WORKED_START = date(2024, 6, 3)
# The worked example (contract section 14), day by day from its start: (score, kept, twitches logged), None for a
# day without a check-in.
WORKED = [
    (6, "yes", 5), (6, "yes", 6), (7, "yes", 7), (6, "partly", 5), (4, "yes", 3), (3, "yes", 2), (3, "yes", 2),
    (3, "yes", 3), None, (3, "yes", 3), (5, "yes", 5), (6, "yes", 4), (5, "yes", 4), (2, "yes", 1), (3, "no", 3),
    (2, "yes", 2), None, None, (4, "yes", 3), (4, "yes", 4), (3, "yes", 3), (4, "yes", 3), (2, "yes", 1),
    (2, "yes", 2), (2, "yes", 2), (4, "yes", 4), (5, "yes", 5), (4, "yes", 3), (3, "partly", 2), (1, "yes", 0)]
# The unclear vector: each period's settling day scores 4, then its two countable days.
UNCLEAR_PAIRS = [(5, 4), (4, 5), (4, 4), (5, 3), (3, 4), (4, 4), (3, 4), (4, 3), (4, 4), (5, 3)]
UNCLEAR = [day for a, b in UNCLEAR_PAIRS for day in ((4, "yes", 1), (a, "yes", 1), (b, "yes", 1))]
# The not-enough vector: the worked example without the check-ins of 2024-06-13 and 2024-06-14.
NOT_ENOUGH = [None if n in (10, 11) else day for n, day in enumerate(WORKED)]
HABITS = [habit["question"] for habit in CONTENT["diary"]["habits"]]
RESULT = "[data-experiment-result]"


# A diary as a backup file ---------------------------------------------------------------------------------------

def experiment_record(start, **changes):
    return {"id": str(uuid.uuid4()), "kind": "caffeine_stop_after_midday", "design": "alternation-10-v1",
            "start_day": start.isoformat(), "period_days": 3, "settling_days": 1, "order": ORDER, "status": "running",
            "paused_on": None, "ended_on": None, "stop_reason": None,
            "created_at": f"{start - timedelta(days=1)}T20:00:00.000Z", "updated_at": f"{start - timedelta(days=1)}T20:00:00.000Z",
            **changes}


def days_records(start, days, signs=None):
    """Check-ins and twitch entries for `days` from `start` ((score, kept, twitches) or None); `signs`: {day index:
    [warning signs]} for check-ins that reported some."""
    checkins, entries = [], []
    for n, logged in enumerate(days):
        if logged is None:
            continue
        day = (start + timedelta(days=n)).isoformat()
        score, kept, twitches = logged
        checkins.append({"id": str(uuid.uuid4()), "day": day, **{question: None for question in HABITS},
                         "warning_signs": (signs or {}).get(n, ["none"]), "other_signs": ["none"],
                         "twitch_score": score, "plan_kept": kept, "updated_at": f"{day}T12:00:00.000Z"})
        entries += [{"id": str(uuid.uuid4()), "at": f"{day}T{8 + k:02d}:00:00.000Z", "day": day, "tz_offset_min": 0,
                     "area": "eyelid", "strength": "light", "note": "", "updated_at": f"{day}T{8 + k:02d}:00:00.000Z"}
                    for k in range(twitches)]
    return checkins, entries


def backup_file(tmp_path, experiments, name="experiment.json"):
    """A backup of `experiments`: [(experiment record, days, signs)]."""
    document = {"format": "twitch-diary", "schema_version": 3,
                "exported_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                "entries": [], "checkins": [], "experiments": [], "deleted": []}
    for record, days, signs in experiments:
        checkins, entries = days_records(date.fromisoformat(record["start_day"]), days, signs)
        document["experiments"].append(record)
        document["checkins"] += checkins
        document["entries"] += entries
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path, document


def imported(phone, tmp_path, experiments, ui=UI):
    """Import a backup of `experiments` on the backup screen, as a person would; the backup document."""
    path, document = backup_file(tmp_path, experiments)
    phone.open("#/diary/backup")
    if ui is UI:
        import_backup(phone, path)
    else:  # the same steps, in the phone's language
        phone.page.get_by_label(ui["diary.backup.file_label"]).set_input_files(path)
        phone.button(ui["diary.backup.import"]).click()
        phone.page.locator("[data-import-preview]").get_by_role("button", name=ui["diary.backup.confirm_import"], exact=True).click()
    expect(phone.page.get_by_role("status").filter(has_text=re.compile(re.escape(path.name)))).to_be_visible()
    return document


def open_experiment(phone, record):
    phone.open(f"#/diary/experiment/{record['id']}")


def paragraphs(locator):
    return [re.sub(r"\s+", " ", text).strip() for text in locator.locator(":scope > p").all_inner_texts()]


# Backup ---------------------------------------------------------------------------------------------------------

def test_an_export_after_the_import_gives_the_experiment_back_as_it_was(phone, tmp_path):
    record = experiment_record(WORKED_START)
    phone.open("#/")
    document = imported(phone, tmp_path, [(record, WORKED, None)])
    with phone.page.expect_download() as download:
        phone.button(UI["diary.backup.export"]).click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["schema_version"] == 3
    assert exported["experiments"] == document["experiments"]
    assert sorted(exported["checkins"], key=lambda c: c["day"]) == sorted(document["checkins"], key=lambda c: c["day"])


# The summary for a doctor ----------------------------------------------------------------------------------------

def test_the_summary_for_a_doctor_carries_a_finished_experiment_with_its_design_values_and_result(phone, tmp_path):
    start = date.today() - timedelta(days=31)  # its last day was yesterday
    record = experiment_record(start)
    phone.open("#/")
    imported(phone, tmp_path, [(record, WORKED, {7: ["weakness"]})])
    phone.open("#/diary/summary")
    section = phone.page.locator("[data-summary-experiment]")
    expect(section).to_have_attribute("data-summary-experiment", "finished")
    tip = next(t for t in CONTENT["tips"] if t["id"] == "caffeine_stop_after_midday")
    for text in [word("diary.experiment.summary_tested", tip=tip["title"]),
                 word("diary.experiment.summary_design", periods=10, days=3, change=5),
                 word("diary.experiment.summary_outcome", question=UI["diary.experiment.score_question"]),
                 word("diary.experiment.result_fell"),
                 word("diary.experiment.means", usual="5.0", change="2.6"),
                 word("diary.experiment.counted", counted=17, countable=20, missing=3),
                 word("diary.experiment.kept", kept=7, change_days=9)]:
        expect(section.get_by_text(text, exact=True)).to_be_visible()
    expect(section.get_by_text(words_like("diary.experiment.warning_signs_during"))).to_be_visible()
    expect(section.locator("[data-summary-result]")).to_have_attribute("data-summary-result", "fell")
    assert section.locator("[data-period-value]").evaluate_all("rows => rows.map(r => r.dataset.periodValue)") == [
        "6.500", "3.500", "3.000", "5.500", "2.500", "", "3.500", "2.000", "4.500", "2.000"]


def test_the_summary_for_a_doctor_says_a_running_experiment_has_no_result_yet(phone, tmp_path):
    start = date.today() - timedelta(days=11)
    record = experiment_record(start)
    phone.open("#/")
    imported(phone, tmp_path, [(record, WORKED[:11], None)])
    phone.open("#/diary/summary")
    section = phone.page.locator("[data-summary-experiment]")
    expect(section).to_have_attribute("data-summary-experiment", "running")
    expect(section.get_by_text(word("diary.experiment.summary_running", n=12, days=30))).to_be_visible()
    assert section.locator("[data-summary-result], [data-period-value]").count() == 0
    assert UI["diary.experiment.means"].split("{")[0] not in section.inner_text()
