"""The twitch diary on a phone: log offline, keep it through reloads and app updates, back it up and restore
it on another phone, reject a bad file without losing anything, act on warning signs at once, see patterns
and a summary for a doctor, and pass axe-core in light and dark. Every phone fails its test on a console error.
"""
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from api import engine
from api.content import load_content
from diary_steps import (CONTENT, DIARY_HEADING, UI, entries, import_backup, log_twitch, open_diary, option_label, seed,
                         start_twitch, what, word, words_like)

WORKER = Path(__file__).resolve().parents[2] / "frontend" / "sw.js"
DIARY_FILES = json.loads(re.sub(r",\s*\]", "]", re.search(r"const DIARY = (\[[^\]]*\]);", WORKER.read_text()).group(1)))


# Steps a person takes (more in diary_steps.py) ------------------------------------------------------------

def wait_until_diary_works_offline(phone):
    """The app is installed and has kept the diary's own files (they are fetched when the diary first opens)."""
    phone.wait_until_offline_ready()
    phone.wait_until("""async () => {
        for (const name of await caches.keys()) {
            if (name.startsWith("twitch-diary-") && (await (await caches.open(name)).keys()).length) return true;
        }
        return false;
    }""")


def short_sleep_days():
    """12 days: nights under 6 hours go with 3 twitches, the others with 1."""
    return [{"ago": ago, "twitches": [("eyelid", "light")] * (3 if ago % 2 else 1),
             "habits": {"sleep": "5_to_6h" if ago % 2 else "7_to_8h", "caffeine": "1_to_2", "warning_signs": ["none"]}}
            for ago in range(1, 13)]


def backup_of(phone, tmp_path, name):
    with phone.page.expect_download() as download:
        phone.button(UI["diary.backup.export"]).click()
    path = tmp_path / name
    download.value.save_as(path)
    return path


# Logging, offline, reload ---------------------------------------------------------------------------------

def test_log_twitches_offline_and_they_are_still_there_after_a_reload(phone):
    open_diary(phone)
    wait_until_diary_works_offline(phone)
    phone.context.set_offline(True)

    log_twitch(phone, "eyelid", "strong", note="While reading")
    saved = words_like("diary.log.saved_today", what=what("eyelid", "strong"))
    expect(phone.page.get_by_role("status").filter(has_text=saved)).to_be_visible()
    log_twitch(phone, "calf_foot", "light")  # the form starts like the last one: only the changes are tapped
    logged = entries(phone)
    assert len(logged) == 2
    assert what("calf_foot", "light") in logged[0][1]  # newest first
    assert what("eyelid", "strong") in logged[1][1] and "While reading" in logged[1][1]

    phone.page.reload()
    phone.wait_for_screen()
    expect(phone.heading()).to_have_text(DIARY_HEADING)
    assert entries(phone) == logged


def wait_until_the_diary_is_saved(phone):
    phone.wait_until("""async () => {
        const saved = await caches.keys();
        const diary = saved.find((name) => name.startsWith("twitch-diary-"));
        return diary && (await (await caches.open(diary)).keys()).length >= %d;
    }""" % len(DIARY_FILES))


def test_a_first_visit_straight_to_the_diary_keeps_it_offline(phone):
    phone.open("#/diary")  # its files come from the network: the service worker is not there yet
    expect(phone.heading()).to_have_text(DIARY_HEADING)
    phone.wait_until_offline_ready()
    wait_until_the_diary_is_saved(phone)  # asked of the worker once it took over
    phone.context.set_offline(True)
    phone.page.reload()
    phone.wait_for_screen()
    expect(phone.heading()).to_have_text(DIARY_HEADING)
    log_twitch(phone, "eyelid", "light")
    assert len(entries(phone)) == 1


@pytest.mark.parametrize("second_launch", ["online", "offline, then the connection returns"])
def test_the_diary_works_offline_from_the_second_launch_even_if_never_opened(phone, second_launch):
    phone.open()
    phone.wait_until_offline_ready()
    phone.context.set_offline(second_launch != "online")
    phone.page.reload()  # the next launch, under the service worker
    phone.wait_for_screen()
    phone.context.set_offline(False)
    wait_until_the_diary_is_saved(phone)
    phone.context.set_offline(True)
    open_diary(phone)
    log_twitch(phone, "calf_foot", "light")
    assert len(entries(phone)) == 1


def test_a_diary_not_yet_saved_says_so_offline_and_opens_once_the_connection_is_back(phone):
    phone.open()
    phone.wait_until_offline_ready()  # the first visit only: the diary's files come from the second launch on
    phone.context.set_offline(True)
    phone.open("#/diary")
    expect(phone.heading()).to_have_text(UI["app.not_saved_heading"])
    expect(phone.page.get_by_text(UI["app.not_saved_text"])).to_be_visible()
    assert phone.run_axe() == []
    phone.context.set_offline(False)
    phone.button(UI["app.try_again"]).click()
    expect(phone.wait_for_screen()).to_have_text(DIARY_HEADING)
    assert set(phone.errors) == {"Failed to load resource: net::ERR_FAILED"}  # the failed load, said on the screen
    phone.errors.clear()


def test_a_twitch_can_be_changed_and_deleted(phone):
    open_diary(phone)
    log_twitch(phone, "thigh", "light")
    [(entry_id, _)] = entries(phone)

    phone.page.locator(f'[data-diary-entry="{entry_id}"]').get_by_role("link").click()
    expect(phone.heading()).to_have_text(UI["diary.log.change_heading"])
    expect(phone.option("area", "thigh")).to_be_checked()
    phone.option("strength", "constant").check()
    phone.page.get_by_label(UI["diary.log.note"]).fill("All evening")
    phone.button(UI["diary.save"]).click()
    expect(phone.page.locator(f'[data-diary-entry="{entry_id}"]')).to_contain_text(what("thigh", "constant"))
    expect(phone.page.locator(f'[data-diary-entry="{entry_id}"]')).to_contain_text("All evening")

    phone.page.locator(f'[data-diary-entry="{entry_id}"]').get_by_role("link").click()
    phone.button(UI["diary.log.delete"]).click()
    dialog = phone.page.get_by_role("dialog")
    expect(dialog).to_contain_text(UI["diary.log.delete_title"])
    dialog.get_by_role("button", name=UI["diary.log.delete_yes"]).click()
    expect(phone.heading()).to_have_text(DIARY_HEADING)
    expect(phone.page.locator("[data-diary-entry]")).to_have_count(0)
    deleted = words_like("diary.log.deleted", what=what("thigh", "constant"))
    expect(phone.page.get_by_role("status").filter(has_text=deleted)).to_be_visible()


def test_a_twitch_logged_earlier_today_keeps_the_time_chosen(phone):
    open_diary(phone)
    start_twitch(phone, "face")
    phone.page.get_by_text(UI["diary.log.when_now"]).click()
    phone.page.get_by_label(UI["diary.log.time"]).fill("00:01")
    phone.button(UI["diary.save"]).click()
    expect(phone.page.locator("[data-diary-entry]")).to_contain_text("00:01")


# App updates ----------------------------------------------------------------------------------------------

def test_the_diary_is_kept_through_an_app_update_and_still_works_offline(phones, swappable_server, publish_new_app_version):
    phone = phones(swappable_server.url)
    open_diary(phone)
    log_twitch(phone, "arm_hand", "strong", note="After the gym")
    wait_until_diary_works_offline(phone)
    logged = entries(phone)

    version = publish_new_app_version("diary-next")
    phone.context.set_offline(True)  # the phone's network drops and returns: the app looks for updates
    phone.context.set_offline(False)

    notice = phone.page.locator('[data-notice="app-update"]')
    expect(notice).to_contain_text(UI["notice.new_app"])
    notice.get_by_role("button", name=UI["notice.reload"]).click()
    expect(notice).to_have_count(0)
    phone.wait_for_screen()
    expect(phone.heading()).to_have_text(DIARY_HEADING)
    assert entries(phone) == logged
    # only the new version's caches are left, the diary's among them, so it works offline straight away
    phone.wait_until(f"""async () => {{
        const names = await caches.keys();
        return ["content", "diary", "shell"].every((kind) => names.includes(`twitch-${{kind}}-v{version}`))
            && names.every((name) => name.endsWith("-v{version}"));
    }}""")

    phone.context.set_offline(True)
    phone.page.reload()
    phone.wait_for_screen()
    assert entries(phone) == logged
    log_twitch(phone, "torso", "light")
    expect(phone.page.locator("[data-diary-entry]")).to_have_count(2)


# Backup ---------------------------------------------------------------------------------------------------

def test_export_then_import_on_a_new_phone_gives_the_same_diary(phones, app_url, tmp_path):
    old = phones(app_url)
    open_diary(old)
    seed(old, [{"ago": 3, "twitches": [("thigh", "constant")], "habits": {"sleep": "under_5h", "stress": "high", "warning_signs": ["none"]}}])
    log_twitch(old, "eyelid", "light", note="Coffee, then a long call")
    log_twitch(old, "face", "strong")
    old.open("#/diary/backup")
    backup = backup_of(old, tmp_path, "backup.json")
    assert json.loads(backup.read_text(encoding="utf-8"))["format"] == "twitch-diary"
    old.open("#/diary")
    expect(old.heading()).to_have_text(DIARY_HEADING)
    days = old.page.locator(".diary-day").all_inner_texts()

    new = phones(app_url)  # another browser profile: nothing stored
    new.open("#/diary/backup")
    expect(new.page.get_by_text(diary_size(0, 0))).to_be_visible()
    preview = import_backup(new, backup, confirm=None)
    expect(preview).to_contain_text(word("diary.backup.preview.add", twitches=word("diary.count.twitches", count=3),
                                         checkins=word("diary.count.checkins", count=1)))
    expect(new.page.get_by_text(diary_size(0, 0))).to_be_visible()  # nothing written before the tap
    preview.get_by_role("button", name=UI["diary.backup.confirm_import"], exact=True).click()
    imported = word("diary.backup.imported", file="backup.json", added=4, updated=0, unchanged=0)
    expect(new.page.get_by_role("status").filter(has_text=imported)).to_be_visible()

    preview = import_backup(new, backup, confirm=None)  # the same file again adds nothing twice
    expect(preview).to_contain_text(UI["diary.backup.preview.nothing"])
    preview.get_by_role("button", name=UI["diary.backup.confirm_import"], exact=True).click()
    imported = word("diary.backup.imported", file="backup.json", added=0, updated=0, unchanged=4)
    expect(new.page.get_by_role("status").filter(has_text=imported)).to_be_visible()

    new.page.get_by_role("navigation", name=UI["diary.title"]).get_by_role("link", name=UI["diary.title"]).click()
    expect(new.heading()).to_have_text(DIARY_HEADING)
    assert new.page.locator(".diary-day").all_inner_texts() == days
    assert entries(new) == entries(old)


def test_a_deleted_twitch_stays_deleted_when_an_older_backup_is_imported(phone, tmp_path):
    open_diary(phone)
    log_twitch(phone, "thigh", "light", note="Logged by mistake")
    log_twitch(phone, "eyelid", "strong")
    phone.open("#/diary/backup")
    older = backup_of(phone, tmp_path, "older.json")
    phone.open("#/diary")
    mistake = next(entry_id for entry_id, text in entries(phone) if "Logged by mistake" in text)
    phone.page.locator(f'[data-diary-entry="{mistake}"]').get_by_role("link").click()
    phone.button(UI["diary.log.delete"]).click()
    phone.page.get_by_role("dialog").get_by_role("button", name=UI["diary.log.delete_yes"]).click()
    expect(phone.page.locator("[data-diary-entry]")).to_have_count(1)

    phone.open("#/diary/backup")
    import_backup(phone, older)
    imported = " ".join([word("diary.backup.imported", file="older.json", added=0, updated=0, unchanged=1),
                         word("diary.backup.imported_stay_deleted", count=1)])
    expect(phone.page.get_by_role("status").filter(has_text=imported)).to_be_visible()
    phone.open("#/diary")
    assert [text for _, text in entries(phone) if "Logged by mistake" in text] == []


def diary_size(twitches, checkins):
    return word("diary.backup.size", twitches=word("diary.count.twitches", count=twitches),
                checkins=word("diary.count.checkins", count=checkins))


AREAS = [option["id"] for q in CONTENT["questionnaire"]["questions"] if q["id"] == "areas" for option in q["options"]]
BAD_FILES = {
    "not JSON": ("notes.txt", b"my twitches: lots", UI["diary.backup.problem.not_json"]),
    "another JSON file": ("other.json", json.dumps({"hello": "world"}).encode(), UI["diary.backup.problem.not_backup"]),
    "a damaged entry": ("damaged.json", json.dumps({
        "format": "twitch-diary", "schema_version": 1, "exported_at": "2024-06-10T08:00:00.000Z",
        "entries": [{"id": "not-a-uuid", "at": "2024-06-10T08:00:00.000Z", "day": "2024-06-10", "tz_offset_min": 0,
                     "area": "elbow joint", "strength": "light", "note": "", "updated_at": "2024-06-10T08:00:00.000Z"}],
        "checkins": []}).encode(),
        word("diary.backup.problem.entry", number=1, field="area",
             problem=word("diary.record.not_one_of", options=", ".join(AREAS)))),
}


@pytest.mark.parametrize("bad", BAD_FILES)
def test_a_bad_backup_file_is_rejected_with_a_clear_message_and_nothing_is_lost(phone, bad):
    name, data, reason = BAD_FILES[bad]
    open_diary(phone)
    log_twitch(phone, "calf_foot", "strong")
    before = entries(phone)

    phone.open("#/diary/backup")
    phone.page.get_by_label(UI["diary.backup.file_label"]).set_input_files(
        {"name": name, "mimeType": "application/json", "buffer": data})
    phone.button(UI["diary.backup.import"]).click()
    alert = phone.page.get_by_role("alert").filter(has_text=UI["diary.backup.not_imported"])
    expect(alert).to_be_visible()
    expect(alert.get_by_role("listitem").filter(has_text=reason)).to_be_visible()
    expect(phone.page.get_by_text(diary_size(1, 0))).to_be_visible()

    phone.open("#/diary")
    assert entries(phone) == before


def test_import_without_a_file_says_what_to_do(phone):
    phone.open("#/diary/backup")
    phone.button(UI["diary.backup.import"]).click()
    expect(phone.page.get_by_role("alert")).to_contain_text(UI["diary.backup.no_file"])


# Check-ins and warning signs -------------------------------------------------------------------------------

def test_the_check_in_starts_from_yesterdays_answers(phone):
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    phone.open(f"#/diary/checkin/{yesterday}")
    expect(phone.heading()).to_have_text(words_like("diary.checkin.day_heading"))
    phone.option("sleep", "5_to_6h").check()
    phone.option("caffeine", "5_plus").check()
    phone.option("anything_new", "no").check()
    phone.button(UI["diary.save"]).click()
    expect(phone.page.get_by_role("status").filter(has_text=words_like("diary.checkin.saved"))).to_be_visible()

    phone.page.get_by_role("link", name=UI["diary.do_checkin"]).click()
    expect(phone.heading()).to_have_text(UI["diary.checkin.today_heading"])
    expect(phone.page.get_by_text(UI["diary.checkin.hint_from_day_before"])).to_be_visible()
    expect(phone.option("sleep", "5_to_6h")).to_be_checked()
    expect(phone.option("caffeine", "5_plus")).to_be_checked()
    for answer in ("yes", "no"):  # warning signs are asked afresh every day
        expect(phone.option("anything_new", answer)).not_to_be_checked()
    phone.option("sleep", "7_to_8h").check()
    phone.option("anything_new", "no").check()
    phone.button(UI["diary.save"]).click()
    expect(phone.page.get_by_role("link", name=UI["diary.list.change_checkin"])).to_be_visible()
    phone.page.get_by_role("link", name=UI["diary.list.change_checkin"]).click()
    expect(phone.option("sleep", "7_to_8h")).to_be_checked()


@pytest.mark.parametrize("signs", [["weakness"], ["breathing", "numbness_tingling"], ["eye_signs"]])
def test_a_check_in_with_a_warning_sign_shows_the_triage_advice_at_once(phone, content, signs):
    expected = engine.assess(content, {"sleep": "under_5h", "warning_signs": signs, "other_signs": ["none"]})
    assert "safety_unanswered" not in [flag["id"] for flag in expected["red_flags"]]
    phone.open("#/diary/checkin")
    phone.option("sleep", "under_5h").check()
    phone.option("anything_new", "yes").check()
    for sign in signs:
        phone.option("warning_signs", sign).check()
    phone.option("other_signs", "none").check()
    # the advice shows as soon as the sign is ticked, before saving
    expect(phone.page.locator(f'[data-triage-level="{expected["triage"]["level"]}"]')).to_be_visible()
    phone.button(UI["diary.save"]).click()

    expect(phone.heading()).to_have_text(UI["diary.advice.reported"])
    banner = phone.page.locator("[data-triage-level]")
    expect(banner).to_have_attribute("data-triage-level", expected["triage"]["level"])
    expect(banner).to_contain_text(expected["triage"]["title"])
    assert phone.ranked("data-red-flag") == [flag["id"] for flag in expected["red_flags"]]  # never "not answered"

    phone.page.get_by_role("link", name=UI["diary.go_to_diary"]).click()  # the diary keeps pointing to the advice
    expect(phone.page.get_by_text(UI["diary.list.warned_today"])).to_be_visible()
    phone.page.get_by_role("link", name=UI["diary.list.see_advice"]).click()
    expect(phone.page.locator("[data-triage-level]")).to_have_attribute("data-triage-level", expected["triage"]["level"])

    phone.open("#/diary/summary")  # and the doctor's summary names them
    for sign in signs:
        expect(phone.page.get_by_role("listitem").filter(has_text=option_label("warning_signs", sign))).to_be_visible()


def test_none_of_these_unticks_the_warning_signs_and_the_advice_goes(phone):
    phone.open("#/diary/checkin")
    phone.option("anything_new", "yes").check()
    phone.option("warning_signs", "stiffness").check()
    expect(phone.page.locator("[data-triage-level]")).to_be_visible()
    phone.option("warning_signs", "none").check()
    expect(phone.option("warning_signs", "stiffness")).not_to_be_checked()
    expect(phone.page.locator("[data-triage-level]")).to_have_count(0)
    phone.option("other_signs", "none").check()
    phone.button(UI["diary.save"]).click()
    expect(phone.heading()).to_have_text(DIARY_HEADING)


def stored_checkin(phone, day):
    return phone.page.evaluate("""async (day) => {
        const { openDiary } = await import("./js/diary/storage.js");
        const { diaryRules } = await import("./js/diary/model.js");
        const store = await openDiary({ rules: diaryRules(await (await fetch("api/v1/content")).json()) });
        const checkin = await store.getCheckin(day);
        store.close();
        return checkin;
    }""", day)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_check_in_asks_anything_new_and_no_answers_both_safety_questions(phones, app_url, lang):
    phone = phones(app_url, locale="es-ES" if lang == "es" else "en-GB")
    words = load_content(lang=lang)["ui"] if lang == "es" else UI
    phone.open("#/diary/checkin")
    expect(phone.heading()).to_have_text(words["diary.checkin.today_heading"])
    expect(phone.page.get_by_role("group", name=words["diary.checkin.anything_new_legend"])).to_be_visible()
    for answer in ("yes", "no"):
        expect(phone.option("anything_new", answer)).not_to_be_checked()  # never pre-filled
    for question in ("warning_signs", "other_signs"):  # the lists only after "yes": no nightly checking loop
        expect(phone.option(question, "none")).to_be_hidden()

    phone.button(words["diary.save"]).click()  # it must be answered
    expect(phone.page.get_by_role("alert")).to_have_text(words["diary.checkin.anything_new_needed"])
    phone.option("anything_new", "yes").check()
    for question in ("warning_signs", "other_signs"):
        expect(phone.option(question, "none")).to_be_visible()
    phone.option("anything_new", "no").check()
    expect(phone.option("warning_signs", "none")).to_be_hidden()
    phone.button(words["diary.save"]).click()
    expect(phone.heading()).to_have_text(words["diary.list.title"])  # no advice screen
    saved = stored_checkin(phone, date.today().isoformat())
    assert saved["warning_signs"] == ["none"] and saved["other_signs"] == ["none"]  # "no" answered both


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_sign_ticked_after_yes_gives_advice_that_never_says_the_questions_were_not_answered(phones, app_url, content,
                                                                                              lang):
    phone = phones(app_url, locale="es-ES" if lang == "es" else "en-GB")
    words = load_content(lang=lang)["ui"] if lang == "es" else UI
    phone.open("#/diary/checkin")
    phone.option("anything_new", "yes").check()
    phone.option("warning_signs", "stiffness").check()
    phone.button(words["diary.save"]).click()  # the second list is still to answer
    must = next(q for q in load_content(lang=lang)["questionnaire"]["questions"] if q["id"] == "other_signs")["must_answer"]
    expect(phone.page.get_by_role("alert")).to_have_text(must)
    phone.option("other_signs", "swollen_calf").check()
    phone.button(words["diary.save"]).click()
    expected = engine.assess(content, {"warning_signs": ["stiffness"], "other_signs": ["swollen_calf"]})
    expect(phone.heading()).to_have_text(words["diary.advice.reported"])
    expect(phone.page.locator("[data-triage-level]")).to_have_attribute("data-triage-level", expected["triage"]["level"])
    flags = phone.ranked("data-red-flag")
    assert flags == [flag["id"] for flag in expected["red_flags"]]
    assert "safety_unanswered" not in flags


# Patterns and the doctor's summary -------------------------------------------------------------------------

def test_patterns_show_a_chart_with_a_table_and_habits_with_links_to_their_tips(phone, content):
    phone.open("#/diary")
    seed(phone, short_sleep_days())
    phone.open("#/diary/insights")
    expect(phone.heading()).to_have_text(UI["diary.insights.heading"])

    expect(phone.page.get_by_text(word("diary.insights.chart_summary", count=24, days=30, most=3))).to_be_visible()
    expect(phone.page.locator("figure svg rect")).to_have_count(30)
    table = phone.page.get_by_role("table", name=words_like("diary.insights.table_caption"))
    expect(table.locator("tbody tr")).to_have_count(30)

    insight = phone.page.locator('[data-diary-insight="short_sleep"]')
    short_sleep = next(h for h in content["diary"]["habits"] if h["id"] == "short_sleep")
    expect(insight).to_contain_text(word("diary.insight.text", on_days=short_sleep["on_days"], mean_with="3.0", mean_without="1.0"))
    expect(phone.page.locator('[data-diary-insight="high_caffeine"]')).to_have_count(0)  # no days with it: not shown

    sleep = next(t for t in content["triggers"] if t["id"] == "sleep")
    insight.get_by_role("link", name=word("diary.what_to_try", trigger=sleep["title"])).click()
    expect(phone.heading()).to_have_text(word("diary.what_to_try", trigger=sleep["title"]))
    tips = [tip["id"] for tip in content["tips"] if tip["trigger"] == "sleep"]
    assert phone.ranked("data-tip") == tips


def test_too_few_days_show_no_pattern(phone):
    phone.open("#/diary")
    seed(phone, short_sleep_days()[:4])  # 2 days with short sleep, 2 without
    phone.open("#/diary/insights")
    expect(phone.heading()).to_have_text(UI["diary.insights.heading"])
    expect(phone.page.locator("[data-diary-insight]")).to_have_count(0)
    not_enough = UI["diary.insights.not_enough"].split("{checkin_link}")[0].strip()  # a link follows the words
    expect(phone.page.get_by_text(not_enough)).to_be_visible()


def test_the_summary_for_a_doctor_prints_the_last_30_days(phone, content):
    phone.open("#/diary")
    seed(phone, [{"ago": 40, "twitches": [("calf_foot", "light")]}, *short_sleep_days(),
                 {"ago": 0, "twitches": [("thigh", "constant")],
                  "habits": {"stress": "very_high", "warning_signs": ["numbness_tingling"]}}])
    phone.open("#/diary/summary")
    expect(phone.heading()).to_have_text(UI["diary.summary.heading"])

    by_area = phone.page.get_by_role("table", name=UI["diary.summary.by_area_caption"])
    row = lambda area: by_area.get_by_role("row", name=re.compile("^" + re.escape(option_label("areas", area))))  # noqa: E731
    expect(row("eyelid")).to_contain_text("24")
    expect(row("thigh")).to_contain_text("1")
    expect(row("calf_foot")).to_have_count(0)  # 40 days ago: outside the 30
    expect(phone.page.get_by_text(words_like("diary.summary.duration", count=41))).to_be_visible()
    expect(phone.page.get_by_text(words_like("diary.summary.signs_reported"))).to_be_visible()
    expect(phone.page.get_by_role("listitem").filter(has_text=option_label("warning_signs", "numbness_tingling"))).to_be_visible()
    six_days = word("diary.summary.answer_days", answer=option_label("sleep", "5_to_6h"), days=word("diary.count.days", count=6))
    expect(phone.page.get_by_role("table", name=UI["diary.summary.habits_caption"])).to_contain_text(six_days)
    questions = next(s for s in content["guide"]["sections"] if s["id"] == "seeing_a_doctor")["questions_to_ask"]
    expect(phone.page.locator('section[aria-labelledby="sum-questions"] li')).to_have_text(questions)

    phone.page.emulate_media(media="print")  # Save as PDF: the words, without the app's controls
    expect(phone.button(UI["diary.summary.print"])).to_be_hidden()
    expect(phone.page.get_by_role("navigation", name=UI["diary.title"])).to_be_hidden()
    expect(phone.page.get_by_role("heading", name=UI["diary.summary.questions_heading"])).to_be_visible()


# Accessibility ---------------------------------------------------------------------------------------------

DIARY_SCREENS = {
    "empty diary": ("#/diary", False),
    "diary": ("#/diary", True),
    "log a twitch": ("#/diary/log", True),
    "check-in": ("#/diary/checkin", True),
    "patterns": ("#/diary/insights", True),
    "summary": ("#/diary/summary", True),
    "backup": ("#/diary/backup", True),
    "tips": ("#/diary/tips/sleep", False),
}
TAP_TARGETS = ("button, a.button, label.option, summary, .diary-nav a, .diary-entry, .diary-checkin-line a, .diary-more,"
               " .diary-warned a, .diary input")


def open_diary_screen(phones, app_url, name, **options):
    route, with_data = DIARY_SCREENS[name]
    phone = phones(app_url, **options)
    phone.open("#/")
    if with_data:
        seed(phone, [*short_sleep_days(), {"ago": 0, "twitches": [("eyelid", "strong")],
                                           "habits": {"sleep": "7_to_8h", "warning_signs": ["weakness"]}}])
    phone.open(route)
    expect(phone.page.locator("main h1:focus")).not_to_have_text(UI["home.heading"])
    return phone


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", DIARY_SCREENS)
def test_axe_finds_no_violation_on_the_diary_screens(phones, app_url, name, scheme):
    phone = open_diary_screen(phones, app_url, name, color_scheme=scheme)
    violations = phone.run_axe()
    assert violations == [], json.dumps(violations, indent=1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_with_warning_sign_advice_an_edit_form_and_an_import_error(phones, app_url, scheme):
    phone = open_diary_screen(phones, app_url, "diary", color_scheme=scheme)
    phone.page.locator("[data-diary-entry] a").first.click()
    expect(phone.heading()).to_have_text(UI["diary.log.change_heading"])
    assert phone.run_axe() == []
    phone.open("#/diary/checkin")
    phone.option("anything_new", "yes").check()
    phone.option("warning_signs", "breathing").check()
    phone.option("other_signs", "none").check()
    expect(phone.page.locator('[data-triage-level="emergency_ambulance"]')).to_be_visible()
    assert phone.run_axe() == []
    phone.button(UI["diary.save"]).click()
    expect(phone.heading()).to_have_text(UI["diary.advice.reported"])
    assert phone.run_axe() == []
    phone.open("#/diary/backup")
    phone.page.get_by_label(UI["diary.backup.file_label"]).set_input_files(
        {"name": "x.json", "mimeType": "application/json", "buffer": b"{"})
    phone.button(UI["diary.backup.import"]).click()
    expect(phone.page.get_by_role("alert")).to_contain_text(UI["diary.backup.not_imported"])
    assert phone.run_axe() == []


@pytest.mark.parametrize("name", DIARY_SCREENS)
def test_diary_tap_targets_are_at_least_44px_and_screens_fit_320px(phones, app_url, name):
    phone = open_diary_screen(phones, app_url, name)
    page = phone.page
    small = page.locator(TAP_TARGETS).evaluate_all("""els => els
        .filter(e => e.getClientRects().length && e.type !== "radio" && e.type !== "checkbox")
        .map(e => [e.textContent.trim().slice(0, 40) || e.name, e.getBoundingClientRect()])
        .filter(([, r]) => r.width < 44 || r.height < 44)
        .map(([text, r]) => `${text}: ${Math.round(r.width)}x${Math.round(r.height)}`)""")
    assert small == []
    for width, text_size in ((320, "100%"), (360, "200%")):
        page.set_viewport_size({"width": width, "height": 740})
        page.evaluate(f"document.documentElement.style.fontSize = {text_size!r}")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{overflow}px of sideways scrolling at {width}px wide with text at {text_size}"


def test_the_diary_with_the_keyboard_only_focus_goes_to_each_new_heading(phone):
    open_diary(phone)
    phone.page.get_by_role("link", name=UI["diary.log_a_twitch"]).focus()
    phone.page.keyboard.press("Enter")
    expect(phone.page.locator("main h1:focus")).to_have_text(UI["diary.log_a_twitch"])
    phone.option("area", "eyelid").focus()
    phone.page.keyboard.press("Space")
    phone.button(UI["diary.save"]).focus()
    phone.page.keyboard.press("Enter")
    expect(phone.page.locator("main h1:focus")).to_have_text(DIARY_HEADING)
    expect(phone.page.locator("[data-diary-entry]")).to_contain_text(what("eyelid", "light"))


@pytest.mark.parametrize("route, heading, way_back", [
    ("#/diary/log/no-such-entry", "diary.log.not_found_heading", "diary.go_to_diary"),
    ("#/diary/tips/boredom", "diary.tips.none", "diary.tips.back"),
    ("#/diary/advice/2001-01-01", "diary.no_checkin_for_day", "diary.go_to_diary"),
    ("#/diary/elsewhere", "diary.list.missing_heading", "diary.go_to_diary"),
])
def test_an_address_with_nothing_behind_it_says_so_and_offers_a_way_back(phone, route, heading, way_back):
    heading, way_back = UI[heading], UI[way_back]
    phone.open(route)
    expect(phone.heading()).to_have_text(heading)
    phone.page.get_by_role("link", name=way_back).click()
    phone.wait_for_screen()
    expect(phone.heading()).not_to_have_text(heading)
