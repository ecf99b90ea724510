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


# The worked example -----------------------------------------------------------------------------------------

def test_the_worked_example_imported_as_a_backup_shows_fell_with_the_contracts_numbers_and_words(phone, tmp_path):
    record = experiment_record(WORKED_START)
    phone.open("#/")
    imported(phone, tmp_path, [(record, WORKED, None)])
    open_experiment(phone, record)
    result = phone.page.locator(RESULT)
    expect(result).to_have_attribute("data-experiment-result", "fell")
    attributes = result.evaluate("e => Object.fromEntries([...e.attributes].map(a => [a.name, a.value]))")
    assert {name: value for name, value in attributes.items() if name.startswith("data-")} == {
        "data-experiment-result": "fell", "data-mean-usual": "5.000", "data-mean-change": "2.600",
        "data-difference": "2.400", "data-p-fell": "0.024", "data-p-rose": "1.000", "data-range": "1.250,3.500",
        "data-orders": "84", "data-counted-usual": "8", "data-counted-change": "9"}

    # Top to bottom, in the contract's words (section 8): headline, the two numbers, chance, range, then the chart.
    said = paragraphs(result)
    assert said[:4] == [
        word("diary.experiment.result_fell"),
        word("diary.experiment.means", usual="5.0", change="2.6"),
        word("diary.experiment.chance_in_n", n=42),
        word("diary.experiment.range_drop", low="1.3", high="3.5")]
    assert said[4:] == [
        word("diary.experiment.counted", counted=17, countable=20, missing=3),
        word("diary.experiment.kept", kept=7, change_days=9),
        word("diary.experiment.secondary", usual="4.8", change="2.0"),
        word("diary.experiment.limits"),
        word("diary.experiment.keep_going"),
        word("diary.experiment.gp_line")]
    secondary = result.locator("[data-experiment-secondary]")  # tested the same way, never the headline
    for name, value in {"data-experiment-secondary": "fell", "data-mean-usual": "4.750", "data-mean-change": "2.000",
                        "data-p-fell": "0.012", "data-range": "1.500,3.962"}.items():
        expect(secondary).to_have_attribute(name, value)
    assert phone.page.locator("[data-experiment-warning-signs], [data-experiment-several]").count() == 0
    expect(result.get_by_role("link", name=UI["diary.experiment.to_summary"])).to_have_attribute("href", "#/diary/summary")
    trigger = next(t for t in CONTENT["triggers"] if t["id"] == "caffeine")
    expect(result.get_by_role("link", name=word("diary.what_to_try", trigger=trigger["title"]))).to_be_visible()

    # The chart: hidden from screen readers, change periods as 4 striped bands (runs of change periods) each with
    # the word, 10 outlined settling days, 3 dashes for days without a check-in, two labelled averages; its table
    # has one row per plan day.
    chart = result.locator("figure[data-experiment-chart]")
    svg = chart.locator("svg")
    expect(svg).to_have_attribute("aria-hidden", "true")
    assert svg.locator("rect.experiment-band").count() == 4
    assert svg.locator("text").all_text_contents() == [UI["diary.experiment.change"]] * 4 + [
        word("diary.experiment.chart_usual_mean", value="5.0"), word("diary.experiment.chart_change_mean", value="2.6")]
    assert svg.locator(".experiment-bar-settling").count() == 10
    assert svg.locator(".experiment-missing").count() == 3
    assert svg.locator(".experiment-mean").count() == 2
    rows = chart.locator("table tbody tr")
    expect(rows).to_have_count(30)
    assert rows.nth(0).locator("td").all_inner_texts() == [
        word("diary.experiment.plan_settling", plan=UI["diary.experiment.usual"]), "6", UI["diary.experiment.kept_yes"]]
    assert rows.nth(8).locator("td").all_inner_texts() == [UI["diary.experiment.change"], UI["diary.experiment.no_checkin"], ""]

    # The details are folded; opened, they give the orders sentence, the p-value and the period values.
    details = result.locator("details")
    expect(details).not_to_have_attribute("open", "")
    orders = word("diary.experiment.orders", count=2, orders=84)
    expect(details.get_by_text(orders)).to_be_hidden()
    details.locator("summary").click()
    expect(details.get_by_text(orders)).to_be_visible()
    expect(details.get_by_text(word("diary.experiment.p_value", p="0.024"))).to_be_visible()
    expect(details.get_by_text(word("diary.experiment.orders_secondary", count=1, orders=84, p="0.012"))).to_be_visible()
    periods = details.locator("[data-period-value]")
    assert periods.evaluate_all("rows => rows.map(r => r.dataset.periodValue)") == [
        "6.500", "3.500", "3.000", "5.500", "2.500", "", "3.500", "2.000", "4.500", "2.000"]
    assert periods.nth(5).locator("td").last.inner_text() == UI["diary.experiment.not_counted"]


def test_the_unclear_vector_says_no_clear_difference_and_never_that_the_change_does_nothing(phone, tmp_path):
    record = experiment_record(WORKED_START)
    phone.open("#/")
    imported(phone, tmp_path, [(record, UNCLEAR, None)])
    open_experiment(phone, record)
    result = phone.page.locator(RESULT)
    expect(result).to_have_attribute("data-experiment-result", "unclear")
    for name, value in {"data-mean-usual": "4.000", "data-mean-change": "3.900", "data-difference": "0.100",
                        "data-p-fell": "0.500", "data-p-rose": "0.881", "data-range": "-0.500,0.375",
                        "data-counted-usual": "10", "data-counted-change": "10"}.items():
        expect(result).to_have_attribute(name, value)
    assert paragraphs(result)[:5] == [
        word("diary.experiment.result_unclear"),
        word("diary.experiment.means", usual="4.0", change="3.9"),
        word("diary.experiment.chance_in_ten", count=5),
        word("diary.experiment.range_spans", rise="0.5", drop="0.4"),
        word("diary.experiment.unclear_note")]
    expect(result.get_by_text(UI["diary.experiment.keep_going"])).to_have_count(0)


def test_someone_who_logged_no_twitches_gets_no_line_about_twitches_logged(phone, tmp_path):
    # Scored every evening but never used the twitch log: "0.0 twitches a day" would only say the log was unused.
    record = experiment_record(WORKED_START)
    phone.open("#/")
    imported(phone, tmp_path, [(record, [day and (day[0], day[1], 0) for day in WORKED], None)])
    open_experiment(phone, record)
    result = phone.page.locator(RESULT)
    expect(result).to_have_attribute("data-experiment-result", "fell")
    expect(result.get_by_text(words_like("diary.experiment.secondary"))).to_have_count(0)


def test_twitching_higher_on_change_days_is_said_as_rose_with_the_chance_the_other_way(phone, tmp_path):
    # The worked example's days with the opposite plan: the same gap, the other way.
    record = experiment_record(WORKED_START, order=["change" if plan == "usual" else "usual" for plan in ORDER])
    phone.open("#/")
    imported(phone, tmp_path, [(record, WORKED, None)])
    open_experiment(phone, record)
    result = phone.page.locator(RESULT)
    expect(result).to_have_attribute("data-experiment-result", "rose")
    expect(result).to_have_attribute("data-p-rose", "0.024")
    expect(result).to_have_attribute("data-range", "-3.500,-1.250")
    assert paragraphs(result)[:4] == [
        word("diary.experiment.result_rose"),
        word("diary.experiment.means", usual="2.6", change="5.0"),
        word("diary.experiment.chance_rose_in_n", n=42),
        word("diary.experiment.range_rise", low="1.3", high="3.5")]
    expect(result.get_by_text(UI["diary.experiment.keep_going"])).to_have_count(0)


def test_the_not_enough_vector_says_so_with_no_numbers(phone, tmp_path):
    record = experiment_record(WORKED_START)
    phone.open("#/")
    imported(phone, tmp_path, [(record, NOT_ENOUGH, None)])
    open_experiment(phone, record)
    result = phone.page.locator(RESULT)
    expect(result).to_have_attribute("data-experiment-result", "not_enough")
    for name in ["data-mean-usual", "data-mean-change", "data-difference", "data-p-fell", "data-p-rose", "data-range"]:
        expect(result).not_to_have_attribute(name, re.compile(".*"))
    expect(result).to_have_attribute("data-counted-usual", "6")
    said = paragraphs(result)
    assert said[:3] == [word("diary.experiment.result_not_enough"), word("diary.experiment.not_enough_more"),
                        word("diary.experiment.counted", counted=15, countable=20, missing=5)]
    assert not any(re.search(r"\d[.,]\d", sentence) for sentence in said)  # no averages, no range
    assert result.locator("svg .experiment-mean").count() == 0


STOPPED = {
    "by the person": ({"status": "stopped", "ended_on": "2024-06-20", "stop_reason": "person"}, "stopped",
                      "diary.experiment.result_stopped", None),
    "for warning signs": ({"status": "stopped", "ended_on": "2024-06-20", "stop_reason": "warning_signs"}, "stopped",
                          "diary.experiment.result_stopped_app", "diary.experiment.stopped_warning_signs"),
    "paused to its end": ({"status": "paused", "paused_on": "2024-06-20"}, "paused", "diary.experiment.result_paused", None),
}


@pytest.mark.parametrize("how", STOPPED)
def test_a_stopped_experiment_or_one_paused_to_its_end_gives_no_verdict_only_what_was_logged(phone, tmp_path, how):
    changes, status, headline_key, why_key = STOPPED[how]
    record = experiment_record(WORKED_START, **changes, updated_at="2024-06-20T09:00:00.000Z")
    phone.open("#/")
    imported(phone, tmp_path, [(record, WORKED[:17], None)])
    open_experiment(phone, record)
    headline = phone.page.locator(f'[data-experiment-headline="{status}"]')
    expect(headline).to_have_text(words_like(headline_key))
    expect(phone.page.locator(RESULT)).to_have_count(0)
    outcome = phone.page.locator(".experiment-outcome")
    if why_key:
        expect(outcome.get_by_text(words_like(why_key))).to_be_visible()
    expect(outcome.get_by_text(word("diary.experiment.stopped_logged", count=15))).to_be_visible()
    assert outcome.locator("svg .experiment-mean").count() == 0
    said = outcome.inner_text()
    for key in ["result_fell", "result_unclear", "result_rose", "result_not_enough", "limits", "keep_going"]:
        assert UI[f"diary.experiment.{key}"] not in said
    assert not re.search(r"\d\.\d", said)  # no averages, no range


def test_while_it_runs_there_is_no_result_chart_or_hint(phone, tmp_path):
    start = date.today() - timedelta(days=11)
    record = experiment_record(start)
    phone.open("#/")
    imported(phone, tmp_path, [(record, WORKED[:11], None)])
    open_experiment(phone, record)
    expect(phone.page.locator("[data-experiment-status]")).to_have_attribute("data-experiment-status", "running")
    expect(phone.page.locator(f"{RESULT}, [data-experiment-chart], .experiment-outcome")).to_have_count(0)


def test_warning_signs_low_adherence_and_a_third_experiment_are_said(phone, tmp_path):
    # Three finished experiments; the third reported a warning sign on its 5th day and kept the change on 4 of 9
    # counted change days.
    starts = [date(2024, 1, 1), date(2024, 2, 5), date(2024, 3, 11)]
    kept_less = [None if day is None else (day[0], "no" if n in (4, 5, 7) else day[1], day[2]) for n, day in enumerate(WORKED)]
    records = [experiment_record(start) for start in starts]
    phone.open("#/")
    imported(phone, tmp_path, [(records[0], WORKED, None), (records[1], WORKED, None), (records[2], kept_less, {4: ["weakness"]})])

    open_experiment(phone, records[2])
    outcome = phone.page.locator(".experiment-outcome")
    warning = outcome.locator("[data-experiment-warning-signs]")
    expect(warning).to_have_text(words_like("diary.experiment.warning_signs_during"))
    # Above the result: the line comes before the result element.
    assert outcome.evaluate("""o => {
        const line = o.querySelector("[data-experiment-warning-signs]"), result = o.querySelector("[data-experiment-result]");
        return Boolean(line.compareDocumentPosition(result) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    result = outcome.locator(RESULT)
    expect(result.get_by_text(word("diary.experiment.kept", kept=4, change_days=9), exact=True)).to_have_count(0)
    expect(result.get_by_text(word("diary.experiment.kept_low", kept=4, days=9))).to_be_visible()
    expect(result.locator("[data-experiment-several]")).to_have_text(UI["diary.experiment.several"])

    open_experiment(phone, records[0])
    expect(phone.page.locator(RESULT)).to_have_attribute("data-experiment-result", "fell")
    # The previous experiment's screen also said "fell": wait until its lines are gone, never count at once.
    expect(phone.page.locator("[data-experiment-several], [data-experiment-warning-signs]")).to_have_count(0)
    expect(phone.page.get_by_text(words_like("diary.experiment.kept_low"))).to_have_count(0)


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


# Spanish, accessibility, privacy ---------------------------------------------------------------------------------

def test_the_result_in_spanish_has_the_same_attributes_and_the_locales_decimal_mark(phones, app_url, tmp_path):
    phone = phones(app_url, locale="es-ES")
    es = load_content(lang="es")["ui"]
    record = experiment_record(WORKED_START)
    phone.open("#/")
    imported(phone, tmp_path, [(record, WORKED, None)], ui=es)
    open_experiment(phone, record)
    result = phone.page.locator(RESULT)
    expect(result).to_have_attribute("data-experiment-result", "fell")
    expect(result).to_have_attribute("data-mean-usual", "5.000")
    expect(result).to_have_attribute("data-range", "1.250,3.500")
    fill = lambda key, **values: re.sub(r"\{([a-z_]+)\}", lambda m: str(values[m[1]]), es[key])  # noqa: E731
    assert paragraphs(result)[:4] == [
        es["diary.experiment.result_fell"],
        fill("diary.experiment.means", usual="5,0", change="2,6"),
        fill("diary.experiment.chance_in_n", n=42),
        fill("diary.experiment.range_drop", low="1,3", high="3,5")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_a_result_and_the_summary_with_an_experiment(phones, app_url, tmp_path, scheme):
    phone = phones(app_url, color_scheme=scheme)
    record = experiment_record(date.today() - timedelta(days=31))
    phone.open("#/")
    imported(phone, tmp_path, [(record, WORKED, {7: ["weakness"]})])
    open_experiment(phone, record)
    phone.page.locator(f"{RESULT} details summary").click()
    assert phone.run_axe() == []
    phone.open("#/diary/summary")
    expect(phone.page.locator("[data-summary-experiment]")).to_be_visible()
    assert phone.run_axe() == []


def test_no_request_leaves_the_phone_with_the_diarys_data(phone, app_url, tmp_path):
    sent = []
    phone.context.on("request", lambda request: sent.append(request))
    record = experiment_record(date.today() - timedelta(days=31))
    phone.open("#/")
    imported(phone, tmp_path, [(record, WORKED, None)])
    open_experiment(phone, record)
    expect(phone.page.locator(RESULT)).to_have_attribute("data-experiment-result", "fell")
    phone.open("#/diary/summary")
    expect(phone.page.locator("[data-summary-experiment]")).to_be_visible()
    assert sent, "the page made no request at all: the listener saw nothing"
    for request in sent:
        assert request.url.startswith(app_url), request.url  # nobody else
        assert request.method in ("GET", "HEAD"), (request.method, request.url)
        assert request.post_data is None, request.url
        assert record["id"] not in request.url and "twitch_score" not in request.url, request.url


# The chart ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("status", ["finished", "stopped"])
def test_the_chart_says_it_draws_the_two_averages_only_when_it_does(phone, tmp_path, status):
    """A stopped experiment's chart draws no averages (no verdict), so its caption must not speak of two lines."""
    finished = status == "finished"
    ended = {} if finished else {"status": "stopped", "ended_on": (WORKED_START + timedelta(days=10)).isoformat(),
                                 "stop_reason": "person"}
    record = experiment_record(WORKED_START, **ended)
    phone.open("#/")
    imported(phone, tmp_path, [(record, WORKED if finished else WORKED[:11], None)])
    open_experiment(phone, record)
    chart = phone.page.locator("[data-experiment-chart]")
    caption = UI["diary.experiment.chart_caption"]
    expect(chart.locator("figcaption")).to_have_text(f"{caption} {UI['diary.experiment.chart_caption_means']}" if finished else caption)
    expect(chart.locator(".experiment-mean")).to_have_count(2 if finished else 0)


def test_the_word_change_above_a_first_change_period_is_not_cut_at_the_charts_left_edge(phone, tmp_path):
    starts_with_change = ["change", "usual", "change", "usual", "usual", "change", "usual", "change", "change", "usual"]
    record = experiment_record(WORKED_START, order=starts_with_change)
    phone.open("#/")
    imported(phone, tmp_path, [(record, WORKED, None)])
    open_experiment(phone, record)
    labels = phone.page.locator("[data-experiment-chart] .experiment-chart-label")
    expect(labels.first).to_have_text(UI["diary.experiment.change"])
    # In the chart's own units: a word starting left of 0 is drawn outside the SVG and cut off.
    assert min(labels.evaluate_all("els => els.map(e => e.getBBox().x)")) >= 0
