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

DIARY_LINK = re.compile("diary", re.IGNORECASE)
WORKER = Path(__file__).resolve().parents[2] / "frontend" / "sw.js"
DIARY_FILES = json.loads(re.sub(r",\s*\]", "]", re.search(r"const DIARY = (\[[^\]]*\]);", WORKER.read_text()).group(1)))


# Steps a person takes -------------------------------------------------------------------------------------

def open_diary(phone):
    phone.open()
    phone.page.get_by_role("link", name=DIARY_LINK).click()
    expect(phone.heading()).to_have_text("Your twitch diary")


def log_twitch(phone, area, strength, note=""):
    phone.page.get_by_role("link", name="Log a twitch").click()
    expect(phone.heading()).to_have_text("Log a twitch")
    phone.option("area", area).check()
    phone.option("strength", strength).check()
    if note:
        phone.page.get_by_label("Note").fill(note)
    phone.button("Save").click()
    expect(phone.heading()).to_have_text("Your twitch diary")


def entries(phone):
    """The diary list as the person reads it: each entry's id and its words."""
    items = phone.page.locator("[data-diary-entry]")
    return items.evaluate_all("els => els.map(e => [e.dataset.diaryEntry, e.innerText.replace(/\\s+/g, ' ').trim()])")


def wait_until_diary_works_offline(phone):
    """The app is installed and has kept the diary's own files (they are fetched when the diary first opens)."""
    phone.wait_until_offline_ready()
    phone.wait_until("""async () => {
        for (const name of await caches.keys()) {
            if (name.startsWith("twitch-diary-") && (await (await caches.open(name)).keys()).length) return true;
        }
        return false;
    }""")


def seed(phone, days):
    """Store past days through the diary's own storage module: [{ago, twitches: [(area, strength)], habits}]."""
    phone.page.evaluate("""async (days) => {
        const { openDiary } = await import("./js/diary/storage.js");
        const model = await import("./js/diary/model.js");
        const { addDays, localTime, todayKey } = await import("./js/diary/days.js");
        const store = await openDiary();
        for (const { ago, twitches, habits } of days) {
            const day = addDays(todayKey(), -ago);
            for (const [n, [area, strength]] of twitches.entries()) {
                const at = localTime(day, `${String(8 + n).padStart(2, "0")}:00`);
                await store.putEntry(model.newTwitchEntry({ area, strength, at }));
            }
            if (habits) await store.putCheckin(model.newCheckin(day, habits));
        }
        store.close();
    }""", days)


def short_sleep_days():
    """12 days: nights under 6 hours go with 3 twitches, the others with 1."""
    return [{"ago": ago, "twitches": [("eyelid", "light")] * (3 if ago % 2 else 1),
             "habits": {"sleep": "5_to_6h" if ago % 2 else "7_to_8h", "caffeine": "1_to_2", "warning_signs": ["none"]}}
            for ago in range(1, 13)]


def backup_of(phone, tmp_path, name):
    with phone.page.expect_download() as download:
        phone.button("Export backup").click()
    path = tmp_path / name
    download.value.save_as(path)
    return path


# Logging, offline, reload ---------------------------------------------------------------------------------

def test_log_twitches_offline_and_they_are_still_there_after_a_reload(phone):
    open_diary(phone)
    wait_until_diary_works_offline(phone)
    phone.context.set_offline(True)

    log_twitch(phone, "eyelid", "strong", note="While reading")
    expect(phone.page.get_by_role("status").filter(has_text="Saved: Eyelid, strong")).to_be_visible()
    log_twitch(phone, "calf_foot", "light")  # the form starts like the last one: only the changes are tapped
    logged = entries(phone)
    assert len(logged) == 2
    assert "Calf or foot, light" in logged[0][1]  # newest first
    assert "Eyelid, strong" in logged[1][1] and "While reading" in logged[1][1]

    phone.page.reload()
    phone.wait_for_screen()
    expect(phone.heading()).to_have_text("Your twitch diary")
    assert entries(phone) == logged


def wait_until_the_diary_is_saved(phone):
    phone.wait_until("""async () => {
        const saved = await caches.keys();
        const diary = saved.find((name) => name.startsWith("twitch-diary-"));
        return diary && (await (await caches.open(diary)).keys()).length >= %d;
    }""" % len(DIARY_FILES))


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
    expect(phone.heading()).to_have_text("This part is not on this phone yet")
    expect(phone.page.get_by_text("Connect to the internet, then try again.")).to_be_visible()
    assert phone.run_axe() == []
    phone.context.set_offline(False)
    phone.button("Try again").click()
    expect(phone.wait_for_screen()).to_have_text("Your twitch diary")
    assert set(phone.errors) == {"Failed to load resource: net::ERR_FAILED"}  # the failed load, said on the screen
    phone.errors.clear()


def test_a_twitch_can_be_changed_and_deleted(phone):
    open_diary(phone)
    log_twitch(phone, "thigh", "light")
    [(entry_id, _)] = entries(phone)

    phone.page.locator(f'[data-diary-entry="{entry_id}"]').get_by_role("link").click()
    expect(phone.heading()).to_have_text("Change this twitch")
    expect(phone.option("area", "thigh")).to_be_checked()
    phone.option("strength", "constant").check()
    phone.page.get_by_label("Note").fill("All evening")
    phone.button("Save").click()
    expect(phone.page.locator(f'[data-diary-entry="{entry_id}"]')).to_contain_text("Thigh, constant")
    expect(phone.page.locator(f'[data-diary-entry="{entry_id}"]')).to_contain_text("All evening")

    phone.page.locator(f'[data-diary-entry="{entry_id}"]').get_by_role("link").click()
    phone.button("Delete this twitch").click()
    dialog = phone.page.get_by_role("dialog")
    expect(dialog).to_contain_text("Delete this twitch?")
    dialog.get_by_role("button", name="Delete it").click()
    expect(phone.heading()).to_have_text("Your twitch diary")
    expect(phone.page.locator("[data-diary-entry]")).to_have_count(0)
    expect(phone.page.get_by_role("status").filter(has_text="Deleted: Thigh, constant")).to_be_visible()


def test_a_twitch_logged_earlier_today_keeps_the_time_chosen(phone):
    open_diary(phone)
    phone.page.get_by_role("link", name="Log a twitch").click()
    phone.option("area", "face").check()
    phone.page.get_by_text("When: now").click()
    phone.page.get_by_label("Time").fill("00:01")
    phone.button("Save").click()
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
    expect(notice).to_contain_text("A new version of the app is ready")
    notice.get_by_role("button", name="Reload").click()
    expect(notice).to_have_count(0)
    phone.wait_for_screen()
    expect(phone.heading()).to_have_text("Your twitch diary")
    assert entries(phone) == logged
    # only the new version's caches are left, the diary's among them, so it works offline straight away
    phone.wait_until(f"""async () => (await caches.keys()).sort().join() ===
        "twitch-content-v{version},twitch-diary-v{version},twitch-shell-v{version}" """)

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
    expect(old.heading()).to_have_text("Your twitch diary")
    days = old.page.locator(".diary-day").all_inner_texts()

    new = phones(app_url)  # another browser profile: nothing stored
    new.open("#/diary/backup")
    expect(new.page.get_by_text("Your diary has 0 twitches and 0 check-ins.")).to_be_visible()
    new.page.get_by_label("Backup file").set_input_files(backup)
    new.button("Import backup").click()
    expect(new.page.get_by_role("status").filter(has_text="Imported")).to_contain_text("4 added, 0 updated, 0 already")

    new.page.get_by_label("Backup file").set_input_files(backup)  # the same file again adds nothing twice
    new.button("Import backup").click()
    expect(new.page.get_by_role("status").filter(has_text="Imported")).to_contain_text("0 added, 0 updated, 4 already")

    new.page.get_by_role("navigation", name="Diary").get_by_role("link", name="Diary").click()
    expect(new.heading()).to_have_text("Your twitch diary")
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
    phone.button("Delete this twitch").click()
    phone.page.get_by_role("dialog").get_by_role("button", name="Delete it").click()
    expect(phone.page.locator("[data-diary-entry]")).to_have_count(1)

    phone.open("#/diary/backup")
    phone.page.get_by_label("Backup file").set_input_files(older)
    phone.button("Import backup").click()
    expect(phone.page.get_by_role("status").filter(has_text="Imported")).to_contain_text(
        "0 added, 0 updated, 1 already in your diary, and 1 you had deleted stay deleted")
    phone.open("#/diary")
    assert [text for _, text in entries(phone) if "Logged by mistake" in text] == []


BAD_FILES = {
    "not JSON": ("notes.txt", b"my twitches: lots", "not JSON"),
    "another JSON file": ("other.json", json.dumps({"hello": "world"}).encode(), "not a twitch diary backup"),
    "a damaged entry": ("damaged.json", json.dumps({
        "format": "twitch-diary", "schema_version": 1, "exported_at": "2024-06-10T08:00:00.000Z",
        "entries": [{"id": "not-a-uuid", "at": "2024-06-10T08:00:00.000Z", "day": "2024-06-10", "tz_offset_min": 0,
                     "area": "elbow", "strength": "light", "note": "", "updated_at": "2024-06-10T08:00:00.000Z"}],
        "checkins": []}).encode(), "Entry #1: area must be one of eyelid"),
}


@pytest.mark.parametrize("bad", BAD_FILES)
def test_a_bad_backup_file_is_rejected_with_a_clear_message_and_nothing_is_lost(phone, bad):
    name, data, reason = BAD_FILES[bad]
    open_diary(phone)
    log_twitch(phone, "calf_foot", "strong")
    before = entries(phone)

    phone.open("#/diary/backup")
    phone.page.get_by_label("Backup file").set_input_files({"name": name, "mimeType": "application/json", "buffer": data})
    phone.button("Import backup").click()
    alert = phone.page.get_by_role("alert").filter(has_text="not imported")
    expect(alert).to_contain_text("Nothing in your diary has changed")
    expect(alert).to_contain_text(reason)
    expect(phone.page.get_by_text("Your diary has 1 twitch and 0 check-ins.")).to_be_visible()

    phone.open("#/diary")
    assert entries(phone) == before


def test_import_without_a_file_says_what_to_do(phone):
    phone.open("#/diary/backup")
    phone.button("Import backup").click()
    expect(phone.page.get_by_role("alert")).to_contain_text("Choose a backup file first")


# Check-ins and warning signs -------------------------------------------------------------------------------

def test_the_check_in_starts_from_yesterdays_answers(phone):
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    phone.open(f"#/diary/checkin/{yesterday}")
    expect(phone.heading()).to_contain_text("Check-in for")
    phone.option("sleep", "5_to_6h").check()
    phone.option("caffeine", "5_plus").check()
    phone.option("warning_signs", "none").check()
    phone.button("Save").click()
    expect(phone.page.get_by_role("status").filter(has_text="Check-in saved")).to_be_visible()

    phone.page.get_by_role("link", name="Do today’s check-in").click()
    expect(phone.heading()).to_have_text("Today’s check-in")
    expect(phone.page.get_by_text("Filled in from the day before")).to_be_visible()
    expect(phone.option("sleep", "5_to_6h")).to_be_checked()
    expect(phone.option("caffeine", "5_plus")).to_be_checked()
    expect(phone.option("warning_signs", "none")).not_to_be_checked()  # warning signs are asked afresh every day
    phone.option("sleep", "7_to_8h").check()
    phone.option("warning_signs", "none").check()
    phone.button("Save").click()
    expect(phone.page.get_by_role("link", name="Change today’s check-in")).to_be_visible()
    phone.page.get_by_role("link", name="Change today’s check-in").click()
    expect(phone.option("sleep", "7_to_8h")).to_be_checked()


@pytest.mark.parametrize("signs", [["weakness"], ["breathing", "numbness_tingling"], ["eye_signs"]])
def test_a_check_in_with_a_warning_sign_shows_the_triage_advice_at_once(phone, content, signs):
    expected = engine.assess(content, {"sleep": "under_5h", "warning_signs": signs})
    phone.open("#/diary/checkin")
    phone.option("sleep", "under_5h").check()
    for sign in signs:
        phone.option("warning_signs", sign).check()
    # the advice shows as soon as the sign is ticked, before saving
    expect(phone.page.locator(f'[data-triage-level="{expected["triage"]["level"]}"]')).to_be_visible()
    phone.button("Save").click()

    expect(phone.heading()).to_have_text("You reported warning signs")
    banner = phone.page.locator("[data-triage-level]")
    expect(banner).to_have_attribute("data-triage-level", expected["triage"]["level"])
    expect(banner).to_contain_text(expected["triage"]["title"])
    assert phone.ranked("data-red-flag") == [flag["id"] for flag in expected["red_flags"]]

    phone.page.get_by_role("link", name="Go to your diary").click()  # the diary keeps pointing to the advice
    expect(phone.page.get_by_text("You reported warning signs today.")).to_be_visible()
    phone.page.get_by_role("link", name="See what to do about them").click()
    expect(phone.page.locator("[data-triage-level]")).to_have_attribute("data-triage-level", expected["triage"]["level"])

    phone.open("#/diary/summary")  # and the doctor's summary names them
    for sign in signs:
        label = next(o["label"] for q in content["questionnaire"]["questions"] if q["id"] == "warning_signs"
                     for o in q["options"] if o["id"] == sign)
        expect(phone.page.get_by_role("listitem").filter(has_text=label)).to_be_visible()


def test_none_of_these_unticks_the_warning_signs_and_the_advice_goes(phone):
    phone.open("#/diary/checkin")
    phone.option("warning_signs", "stiffness").check()
    expect(phone.page.locator("[data-triage-level]")).to_be_visible()
    phone.option("warning_signs", "none").check()
    expect(phone.option("warning_signs", "stiffness")).not_to_be_checked()
    expect(phone.page.locator("[data-triage-level]")).to_have_count(0)
    phone.button("Save").click()
    expect(phone.heading()).to_have_text("Your twitch diary")


# Patterns and the doctor's summary -------------------------------------------------------------------------

def test_patterns_show_a_chart_with_a_table_and_habits_with_links_to_their_tips(phone, content):
    phone.open("#/diary")
    seed(phone, short_sleep_days())
    phone.open("#/diary/insights")
    expect(phone.heading()).to_have_text("Patterns in your diary")

    expect(phone.page.get_by_text("24 twitches in 30 days")).to_be_visible()
    expect(phone.page.locator("figure svg rect")).to_have_count(30)
    table = phone.page.get_by_role("table", name=re.compile("^Twitches a day"))
    expect(table.locator("tbody tr")).to_have_count(30)

    insight = phone.page.locator('[data-diary-insight="short_sleep"]')
    expect(insight).to_contain_text("3.0 twitches a day; on other days 1.0")
    expect(insight).to_contain_text("This is a pattern, not proof of a cause.")
    expect(phone.page.locator('[data-diary-insight="high_caffeine"]')).to_have_count(0)  # no days with it: not shown

    sleep = next(t for t in content["triggers"] if t["id"] == "sleep")
    insight.get_by_role("link", name=f"What to try: {sleep['title']}").click()
    expect(phone.heading()).to_have_text(f"What to try: {sleep['title']}")
    tips = [tip["id"] for tip in content["tips"] if tip["trigger"] == "sleep"]
    assert phone.ranked("data-tip") == tips


def test_too_few_days_show_no_pattern(phone):
    phone.open("#/diary")
    seed(phone, short_sleep_days()[:4])  # 2 days with short sleep, 2 without
    phone.open("#/diary/insights")
    expect(phone.heading()).to_have_text("Patterns in your diary")
    expect(phone.page.locator("[data-diary-insight]")).to_have_count(0)
    expect(phone.page.get_by_text("No habit has enough days on both sides yet")).to_be_visible()


def test_the_summary_for_a_doctor_prints_the_last_30_days(phone, content):
    phone.open("#/diary")
    seed(phone, [{"ago": 40, "twitches": [("calf_foot", "light")]}, *short_sleep_days(),
                 {"ago": 0, "twitches": [("thigh", "constant")],
                  "habits": {"stress": "very_high", "warning_signs": ["numbness_tingling"]}}])
    phone.open("#/diary/summary")
    expect(phone.heading()).to_have_text("Twitch diary: a summary for a doctor")

    by_area = phone.page.get_by_role("table", name="Twitches by body area and strength")
    expect(by_area.get_by_role("row", name=re.compile("^Eyelid"))).to_contain_text("24")
    expect(by_area.get_by_role("row", name=re.compile("^Thigh"))).to_contain_text("1")
    expect(by_area.get_by_role("row", name=re.compile("^Calf"))).to_have_count(0)  # 40 days ago: outside the 30
    expect(phone.page.get_by_text(re.compile("^41 days, counting today"))).to_be_visible()
    expect(phone.page.get_by_text("Reported in the last check-in")).to_be_visible()
    expect(phone.page.get_by_role("listitem").filter(has_text="Numbness or tingling")).to_be_visible()
    expect(phone.page.get_by_role("table", name=re.compile("^Habits"))).to_contain_text("5 to 6 hours: 6 days")
    questions = next(s for s in content["guide"]["sections"] if s["id"] == "seeing_a_doctor")["questions_to_ask"]
    expect(phone.page.locator('section[aria-labelledby="sum-questions"] li')).to_have_text(questions)

    phone.page.emulate_media(media="print")  # Save as PDF: the words, without the app's controls
    expect(phone.button("Print or save as PDF")).to_be_hidden()
    expect(phone.page.get_by_role("navigation", name="Diary")).to_be_hidden()
    expect(phone.page.get_by_role("heading", name="Questions to ask")).to_be_visible()


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
    expect(phone.page.locator("main h1:focus")).not_to_have_text("Why do my muscles twitch?")
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
    expect(phone.heading()).to_have_text("Change this twitch")
    assert phone.run_axe() == []
    phone.open("#/diary/checkin")
    phone.option("warning_signs", "breathing").check()
    expect(phone.page.locator('[data-triage-level="emergency_ambulance"]')).to_be_visible()
    assert phone.run_axe() == []
    phone.button("Save").click()
    expect(phone.heading()).to_have_text("You reported warning signs")
    assert phone.run_axe() == []
    phone.open("#/diary/backup")
    phone.page.get_by_label("Backup file").set_input_files({"name": "x.json", "mimeType": "application/json", "buffer": b"{"})
    phone.button("Import backup").click()
    expect(phone.page.get_by_role("alert")).to_contain_text("not imported")
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
    phone.page.get_by_role("link", name="Log a twitch").focus()
    phone.page.keyboard.press("Enter")
    expect(phone.page.locator("main h1:focus")).to_have_text("Log a twitch")
    phone.option("area", "eyelid").focus()
    phone.page.keyboard.press("Space")
    phone.button("Save").focus()
    phone.page.keyboard.press("Enter")
    expect(phone.page.locator("main h1:focus")).to_have_text("Your twitch diary")
    expect(phone.page.locator("[data-diary-entry]")).to_contain_text("Eyelid, light")


@pytest.mark.parametrize("route, heading, way_back", [
    ("#/diary/log/no-such-entry", "This entry is not in your diary", "Go to your diary"),
    ("#/diary/tips/boredom", "There are no tips for that", "Back to patterns"),
    ("#/diary/advice/2001-01-01", "There is no check-in for that day", "Go to your diary"),
    ("#/diary/elsewhere", "This page is not in the diary", "Go to your diary"),
])
def test_an_address_with_nothing_behind_it_says_so_and_offers_a_way_back(phone, route, heading, way_back):
    phone.open(route)
    expect(phone.heading()).to_have_text(heading)
    phone.page.get_by_role("link", name=way_back).click()
    phone.wait_for_screen()
    expect(phone.heading()).not_to_have_text(heading)
