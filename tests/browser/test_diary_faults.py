"""The diary under faults (issue 11, "Nothing lost, nothing breaks"): an import that would delete, two tabs writing
the same record, a reload for an app update with a form half filled in, the browser's answer about keeping the
diary, a storage that never opens or fails to write, a note pasted over the limit, and a large diary.

Faults are injected in the page (Playwright init scripts over IndexedDB and navigator.storage, switched on and off
through sessionStorage) or come from a second tab; nothing here measures time.
"""
import json
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import expect

from diary_steps import (DIARY_HEADING, UI, entries, import_backup, log_twitch, open_diary, start_twitch, what, word,
                        words_like)

NOW = datetime.now(timezone.utc)
STAMP = "%Y-%m-%dT%H:%M:%S.000Z"

# Faults switched on by a sessionStorage flag, checked at every call so that a test can switch them off again.
FAULTS = """
(() => {
  const on = (name) => sessionStorage.getItem(`fault:${name}`) === "1";
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (name, version) {
    if (name === "twitch-diary" && on("open-hangs")) {
      window.openHangs = true;
      return {}; // a request that never succeeds, fails or is blocked
    }
    return open.call(this, name, version);
  };
  for (const method of ["put", "delete"]) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (...args) {
      if (on(`${method}-full`)) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return original.apply(this, args);
    };
  }
  if (navigator.storage) { // fault:persist "yes" or "no": the browser's answer to keeping the diary
    const { persist, persisted } = navigator.storage;
    const kept = () => sessionStorage.getItem("fault:persist");
    navigator.storage.persist = async () => (kept() === null ? persist.call(navigator.storage) : kept() === "yes");
    navigator.storage.persisted = async () => (kept() === null ? persisted.call(navigator.storage) : false);
  }
})();
"""


def fault(phone, name, value="1"):
    """Switch a fault on (or set its value) for this tab, from its next call on."""
    phone.page.evaluate("([name, value]) => sessionStorage.setItem(`fault:${name}`, value)", [name, value])


def no_fault(phone, name):
    phone.page.evaluate("(name) => sessionStorage.removeItem(`fault:${name}`)", name)


@pytest.fixture()
def faulty_phone(phone):
    phone.context.add_init_script(FAULTS)
    return phone


def entry_record(day_ago=0, hour=9, **fields):
    at = (NOW - timedelta(days=day_ago)).replace(hour=hour, minute=0, second=0, microsecond=0)
    if at > NOW:
        at -= timedelta(days=1)
    stamp = at.strftime(STAMP)
    return {"id": str(uuid.uuid4()), "at": stamp, "day": stamp[:10], "tz_offset_min": 0, "area": "eyelid",
            "strength": "light", "note": "", "updated_at": stamp, **fields}


def backup_file(entries=(), checkins=(), deleted=(), name="backup.json"):
    document = {"format": "twitch-diary", "schema_version": 2, "exported_at": NOW.strftime(STAMP),
                "entries": list(entries), "checkins": list(checkins), "deleted": list(deleted)}
    return {"name": name, "mimeType": "application/json", "buffer": json.dumps(document).encode()}


def store_entries(phone, records):
    """Put twitch entries straight into the diary's storage, as a backup would."""
    phone.page.evaluate("""async (entries) => {
        const { openDiary } = await import("./js/diary/storage.js");
        const { diaryRules } = await import("./js/diary/model.js");
        const store = await openDiary({ rules: diaryRules(await (await fetch("api/v1/content")).json()) });
        await store.mergeBackup({ entries, checkins: [], deleted: [] });
        store.close();
    }""", records)


def counts(twitches, checkins=0):
    return {"twitches": word("diary.count.twitches", count=twitches), "checkins": word("diary.count.checkins", count=checkins)}


def diary_size(twitches, checkins=0):
    return word("diary.backup.size", **counts(twitches, checkins))


# An import shows what it will do, and removes nothing without a yes -------------------------------------------

def test_an_import_shows_what_it_adds_and_removes_and_removes_nothing_without_a_yes(phone):
    open_diary(phone)
    log_twitch(phone, "thigh", "strong", note="Keep this one")
    log_twitch(phone, "face", "light")
    keep = next(entry_id for entry_id, text in entries(phone) if "Keep this one" in text)
    # Deleted on another phone after it was logged here, the backup says.
    deleted = {"id": keep, "kind": "entry", "deleted_at": (datetime.now(timezone.utc) + timedelta(minutes=1)).strftime(STAMP)}
    backup = backup_file(entries=[entry_record(day_ago=3)], deleted=[deleted])

    phone.open("#/diary/backup")
    preview = import_backup(phone, backup, confirm=None)
    expect(preview).to_contain_text(word("diary.backup.preview.add", **counts(1)))
    expect(preview).to_contain_text(word("diary.backup.preview.remove", **counts(1)))
    expect(preview.get_by_role("listitem").filter(has_text=what("thigh", "strong"))).to_be_visible()  # named
    expect(phone.page.get_by_text(diary_size(2))).to_be_visible()  # nothing written yet

    preview.get_by_role("button", name=word("diary.backup.confirm_remove", count=1)).click()
    dialog = phone.page.get_by_role("dialog")
    expect(dialog).to_contain_text(word("diary.backup.remove_title", count=1))
    dialog.get_by_role("button", name=UI["diary.backup.remove_no"]).click()  # the safe choice
    expect(dialog).to_have_count(0)
    expect(phone.page.get_by_text(diary_size(2))).to_be_visible()

    preview.get_by_role("button", name=UI["diary.backup.keep_mine"]).click()  # import, but keep mine
    expect(phone.page.get_by_role("status").filter(has_text=words_like("diary.backup.imported", added=1))).to_be_visible()
    expect(phone.page.get_by_text(diary_size(3))).to_be_visible()

    preview = import_backup(phone, backup, confirm=None)  # the same file again: it still asks to remove it
    preview.get_by_role("button", name=word("diary.backup.confirm_remove", count=1)).click()
    phone.page.get_by_role("dialog").get_by_role("button", name=UI["diary.backup.remove_yes"]).click()
    expect(phone.page.get_by_role("status").filter(has_text=word("diary.backup.imported_removed", count=1))).to_be_visible()
    expect(phone.page.get_by_text(diary_size(2))).to_be_visible()
    phone.open("#/diary")
    assert [text for _, text in entries(phone) if "Keep this one" in text] == []


def test_a_backup_with_a_deletion_note_dated_in_the_future_is_refused(phone):
    open_diary(phone)
    log_twitch(phone, "calf_foot", "light")
    [(entry_id, _)] = entries(phone)
    future = {"id": entry_id, "kind": "entry", "deleted_at": "2999-01-01T00:00:00.000Z"}
    phone.open("#/diary/backup")
    phone.page.get_by_label(UI["diary.backup.file_label"]).set_input_files(backup_file(deleted=[future]))
    phone.button(UI["diary.backup.import"]).click()
    alert = phone.page.get_by_role("alert").filter(has_text=UI["diary.backup.not_imported"])
    expect(alert).to_contain_text(word("diary.backup.problem.deletion", number=1, field="deleted_at",
                                       problem=UI["diary.record.in_future"]))
    expect(phone.page.locator("[data-import-preview]")).to_have_count(0)
    expect(phone.page.get_by_text(diary_size(1))).to_be_visible()


# Two tabs ----------------------------------------------------------------------------------------------------

def second_tab(phone, route):
    tab = phone.context.new_page()
    tab.goto(phone.base_url + route)
    expect(tab.locator("main h1:focus")).to_be_visible()
    return tab


def test_two_tabs_changing_one_twitch_lose_nothing_silently(phone):
    open_diary(phone)
    log_twitch(phone, "arm_hand", "light")
    [(entry_id, _)] = entries(phone)
    route = f"#/diary/log/{entry_id}"
    other = second_tab(phone, route)
    phone.open(route)

    phone.option("strength", "constant").check()
    phone.button(UI["diary.save"]).click()
    expect(phone.heading()).to_have_text(DIARY_HEADING)

    other.get_by_label(UI["diary.log.note"]).fill("Typed in the other tab")
    other.get_by_role("button", name=UI["diary.save"], exact=True).click()
    alert = other.get_by_role("alert").filter(has_text=UI["diary.log.conflict_changed"])
    expect(alert).to_be_visible()
    expect(other.get_by_label(UI["diary.log.note"])).to_have_value("Typed in the other tab")  # what was typed is kept
    phone.page.reload()
    phone.wait_for_screen()
    assert what("arm_hand", "constant") in entries(phone)[0][1]  # the first tab's change is still there

    alert.get_by_role("button", name=UI["diary.save_mine"]).click()  # a choice, made knowingly
    expect(other.locator("main h1")).to_have_text(DIARY_HEADING)
    phone.page.reload()
    phone.wait_for_screen()
    assert "Typed in the other tab" in entries(phone)[0][1]
    other.close()


def test_a_twitch_deleted_in_one_tab_does_not_come_back_from_the_other(phone):
    open_diary(phone)
    log_twitch(phone, "torso", "strong")
    [(entry_id, _)] = entries(phone)
    route = f"#/diary/log/{entry_id}"
    other = second_tab(phone, route)
    phone.open(route)
    phone.button(UI["diary.log.delete"]).click()
    phone.page.get_by_role("dialog").get_by_role("button", name=UI["diary.log.delete_yes"]).click()
    expect(phone.page.locator("[data-diary-entry]")).to_have_count(0)

    other.get_by_label(UI["diary.log.note"]).fill("Still open here")
    other.get_by_role("button", name=UI["diary.save"], exact=True).click()
    expect(other.get_by_role("alert")).to_contain_text(UI["diary.log.conflict_deleted"])
    phone.page.reload()
    phone.wait_for_screen()
    expect(phone.page.locator("[data-diary-entry]")).to_have_count(0)
    other.close()


def test_two_tabs_doing_the_same_check_in_do_not_lose_a_warning_sign(phone):
    phone.open("#/diary/checkin")
    other = second_tab(phone, "#/diary/checkin")
    phone.option("anything_new", "yes").check()
    phone.option("warning_signs", "weakness").check()
    phone.option("other_signs", "none").check()
    phone.button(UI["diary.save"]).click()
    expect(phone.heading()).to_have_text(UI["diary.advice.reported"])

    other.locator('input[name="sleep"][value="7_to_8h"]').check()
    other.locator('input[name="anything_new"][value="no"]').check()
    other.get_by_role("button", name=UI["diary.save"], exact=True).click()
    alert = other.get_by_role("alert").filter(has_text=UI["diary.checkin.conflict_changed"])
    expect(alert).to_be_visible()
    expect(other.locator('input[name="sleep"][value="7_to_8h"]')).to_be_checked()  # the answers are kept

    alert.get_by_role("button", name=UI["diary.checkin.show_other"]).click()  # see the other tab's answers
    other.locator('input[name="anything_new"][value="yes"]').check()  # asked afresh, its lists then show
    expect(other.locator('input[name="warning_signs"][value="weakness"]')).to_be_checked()
    phone.open("#/diary")
    expect(phone.page.get_by_text(UI["diary.list.warned_today"])).to_be_visible()
    other.close()


# Unsaved input survives an app update's reload -----------------------------------------------------------------

def test_a_note_typed_and_not_saved_survives_the_reload_of_an_app_update(phones, swappable_server, publish_new_app_version):
    phone = phones(swappable_server.url)
    open_diary(phone)
    phone.wait_until_offline_ready()
    start_twitch(phone, "face", "strong", "Half written when the update came")

    publish_new_app_version("draft-next")
    phone.context.set_offline(True)  # the network drops and returns: the app looks for an update
    phone.context.set_offline(False)
    notice = phone.page.locator('[data-notice="app-update"]')
    expect(notice).to_contain_text(UI["notice.new_app"])
    notice.get_by_role("button", name=UI["notice.reload"]).click()
    expect(notice).to_have_count(0)
    phone.wait_for_screen()

    expect(phone.heading()).to_have_text(UI["diary.log_a_twitch"])
    expect(phone.page.get_by_text(UI["diary.draft.restored"])).to_be_visible()
    expect(phone.page.get_by_label(UI["diary.log.note"])).to_have_value("Half written when the update came")
    expect(phone.option("area", "face")).to_be_checked()
    expect(phone.option("strength", "strong")).to_be_checked()
    phone.button(UI["diary.save"]).click()
    expect(phone.heading()).to_have_text(DIARY_HEADING)
    assert "Half written when the update came" in entries(phone)[0][1]

    phone.page.get_by_role("link", name=UI["diary.log_a_twitch"]).click()  # saved: the draft is gone
    expect(phone.page.get_by_label(UI["diary.log.note"])).to_have_value("")
    expect(phone.page.get_by_text(UI["diary.draft.restored"])).to_have_count(0)


def test_check_in_answers_not_saved_survive_a_reload_and_start_again_drops_them(phone):
    phone.open("#/diary/checkin")
    phone.option("sleep", "under_5h").check()
    phone.option("anything_new", "yes").check()
    phone.option("warning_signs", "stiffness").check()
    phone.page.reload()
    phone.wait_for_screen()
    expect(phone.page.get_by_text(UI["diary.draft.restored"])).to_be_visible()
    expect(phone.option("sleep", "under_5h")).to_be_checked()
    expect(phone.option("warning_signs", "stiffness")).to_be_checked()
    expect(phone.page.locator("[data-triage-level]")).to_be_visible()  # the advice for the sign, at once

    phone.button(UI["diary.draft.start_again"]).click()
    phone.wait_for_screen()
    expect(phone.option("sleep", "under_5h")).not_to_be_checked()
    expect(phone.page.get_by_text(UI["diary.draft.restored"])).to_have_count(0)


# The browser's answer about keeping the diary ------------------------------------------------------------------

@pytest.mark.parametrize("kept", ["yes", "no"])
def test_the_browsers_answer_about_keeping_the_diary_is_told_once_after_the_first_save(faulty_phone, kept):
    phone = faulty_phone
    phone.open("#/")
    fault(phone, "persist", kept)
    open_diary(phone)
    log_twitch(phone, "eyelid", "light")
    told = phone.page.locator("[data-storage-answer]")
    expect(told).to_have_attribute("data-storage-answer", "kept" if kept == "yes" else "not-kept")
    words = UI["diary.storage.kept" if kept == "yes" else "diary.storage.not_kept"].split("{backup_link}")[0].strip()
    expect(told).to_contain_text(words)
    expect(told.get_by_role("link", name=UI["diary.storage.backup_link"])).to_have_attribute("href", "#/diary/backup")
    log_twitch(phone, "face", "light")
    expect(phone.page.locator("[data-diary-entry]")).to_have_count(2)
    expect(told).to_have_count(0)  # told once


def test_the_browsers_answer_is_told_after_a_first_import_too(faulty_phone):
    phone = faulty_phone
    phone.open("#/diary/backup")
    fault(phone, "persist", "no")
    import_backup(phone, backup_file(entries=[entry_record(day_ago=1)]))
    expect(phone.page.get_by_role("status").filter(has_text=words_like("diary.backup.imported", added=1))).to_be_visible()
    expect(phone.page.locator('[data-storage-answer="not-kept"]')).to_be_visible()


# Storage failures: said, and what was typed kept ---------------------------------------------------------------

def test_a_diary_that_never_opens_says_so_and_what_was_typed_is_kept(faulty_phone):
    phone = faulty_phone
    open_diary(phone)
    start_twitch(phone, "thigh", note="Typed before it broke")

    fault(phone, "open-hangs")
    phone.page.clock.install()  # the app's timers from here on run when the test moves the clock
    phone.page.reload()
    phone.wait_until("() => window.openHangs === true")  # the diary has asked for its storage, in vain
    phone.page.clock.run_for(11_000)  # past the app's wait for the storage to open
    expect(phone.page.locator("main h1")).to_have_text(UI["diary.list.not_opening_heading"])
    expect(phone.page.get_by_text(UI["diary.list.not_opening_text"])).to_be_visible()

    no_fault(phone, "open-hangs")
    phone.button(UI["diary.try_again"]).click()
    expect(phone.heading()).to_have_text(UI["diary.log_a_twitch"])
    expect(phone.page.get_by_label(UI["diary.log.note"])).to_have_value("Typed before it broke")
    expect(phone.option("area", "thigh")).to_be_checked()


def test_a_delete_that_fails_says_so_and_the_twitch_stays(faulty_phone):
    phone = faulty_phone
    open_diary(phone)
    log_twitch(phone, "calf_foot", "constant")
    [(entry_id, _)] = entries(phone)
    phone.page.locator(f'[data-diary-entry="{entry_id}"]').get_by_role("link").click()
    fault(phone, "delete-full")
    phone.button(UI["diary.log.delete"]).click()
    phone.page.get_by_role("dialog").get_by_role("button", name=UI["diary.log.delete_yes"]).click()
    expect(phone.page.get_by_role("alert")).to_contain_text(UI["diary.log.not_deleted_full"])
    expect(phone.heading()).to_have_text(UI["diary.log.change_heading"])
    no_fault(phone, "delete-full")
    phone.open("#/diary")
    expect(phone.page.locator(f'[data-diary-entry="{entry_id}"]')).to_have_count(1)


def test_a_save_on_a_full_phone_says_so_and_keeps_what_was_typed(faulty_phone):
    phone = faulty_phone
    open_diary(phone)
    start_twitch(phone, "eyelid", note="Do not lose me")
    fault(phone, "put-full")
    phone.button(UI["diary.save"]).click()
    expect(phone.page.get_by_role("alert")).to_contain_text(UI["diary.storage_full"])
    expect(phone.page.get_by_label(UI["diary.log.note"])).to_have_value("Do not lose me")
    no_fault(phone, "put-full")
    phone.button(UI["diary.save"]).click()
    expect(phone.heading()).to_have_text(DIARY_HEADING)
    assert "Do not lose me" in entries(phone)[0][1]


# Input the form must not cut or accept silently ------------------------------------------------------------------

def test_a_note_pasted_over_the_limit_is_not_cut_without_a_word(phone, content):
    limit = 500  # NOTE_MAX_LENGTH of frontend/js/diary/model.js
    open_diary(phone)
    start_twitch(phone, "face")
    long_note = ("All afternoon, on and off, worse after the second coffee. " * 11)[:limit + 100]
    note = phone.page.get_by_label(UI["diary.log.note"])
    note.fill(long_note)
    expect(note).to_have_value(long_note)  # nothing cut
    too_long = word("diary.log.note_too_long", count=limit + 100, max=limit)
    expect(phone.page.get_by_text(too_long).first).to_be_visible()
    phone.button(UI["diary.save"]).click()
    expect(phone.page.get_by_role("alert")).to_contain_text(too_long)
    expect(phone.heading()).to_have_text(UI["diary.log_a_twitch"])  # not saved
    note.fill(long_note[:limit])
    phone.button(UI["diary.save"]).click()
    expect(phone.heading()).to_have_text(DIARY_HEADING)
    assert long_note[:limit].strip() in entries(phone)[0][1]


def test_a_day_before_the_diarys_range_is_refused_in_the_form(phone):
    open_diary(phone)
    start_twitch(phone, "face")
    phone.page.get_by_text(UI["diary.log.when_now"]).click()
    phone.page.get_by_label(UI["diary.log.day"]).fill("1999-12-31")
    phone.button(UI["diary.save"]).click()
    expect(phone.page.get_by_role("alert")).to_contain_text(words_like("diary.log.too_early"))
    expect(phone.page.locator("#log-day")).to_have_attribute("min", "2000-01-01")


# A large diary ---------------------------------------------------------------------------------------------------

def test_the_list_shows_fifty_at_a_time_with_show_more(phone):
    phone.open("#/diary")
    store_entries(phone, [entry_record(day_ago=n // 4, hour=8 + n % 4) for n in range(120)])
    phone.page.reload()
    phone.wait_for_screen()
    expect(phone.page.locator("[data-diary-entry]")).to_have_count(50)
    expect(phone.page.get_by_text(word("diary.list.showing", count=50, total=120))).to_be_visible()
    more = phone.button(UI["diary.list.show_more"])
    more.click()
    expect(phone.page.locator("[data-diary-entry]")).to_have_count(100)
    expect(phone.page.locator("[data-diary-entry] a").nth(50)).to_be_focused()  # on to the first new one
    more.click()
    expect(phone.page.locator("[data-diary-entry]")).to_have_count(120)
    expect(more).to_be_hidden()
    days = phone.page.locator(".diary-day").evaluate_all("els => els.map(e => e.dataset.day)")
    assert days == sorted(set(days), reverse=True)  # one section a day, newest first, across the pages
    assert phone.run_axe() == []


def test_a_large_import_shows_its_progress(phone):
    phone.open("#/diary/backup")
    phone.page.evaluate("""() => {
        window.progressWords = [];
        const words = document.getElementById("import-progress-words");
        new MutationObserver(() => window.progressWords.push(words.textContent)).observe(words, { childList: true, characterData: true, subtree: true });
    }""")
    backup = backup_file(entries=[entry_record(day_ago=n // 20, hour=n % 20) for n in range(5000)], name="big.json")
    import_backup(phone, backup)
    expect(phone.page.get_by_role("status").filter(has_text=words_like("diary.backup.imported", added=5000))).to_be_visible()
    shown = phone.page.evaluate("window.progressWords")
    assert UI["diary.backup.progress.checking"] in shown
    assert word("diary.backup.progress.writing", count=5000, shown="5,000") in shown
    expect(phone.page.locator(".diary-progress")).to_be_hidden()


# A content rollback that removed an option: the backup still imports ------------------------------------------

def test_a_backup_with_an_option_the_content_no_longer_has_imports_and_shows_its_id(phone, tmp_path):
    open_diary(phone)
    retired = entry_record(day_ago=2, area="forearm_inner")  # an area a rolled-back content version had
    backup = backup_file(entries=[retired, entry_record(day_ago=1)])
    phone.open("#/diary/backup")
    preview = import_backup(phone, backup, confirm=None)
    said = preview.locator("[data-import-retired]")
    expect(said).to_have_attribute("data-import-retired", "1")  # said before anything is written
    expect(said).to_contain_text("forearm_inner")
    expect(preview).to_contain_text(word("diary.backup.preview.add", **counts(2)))
    preview.get_by_role("button", name=UI["diary.backup.confirm_import"], exact=True).click()
    expect(phone.page.get_by_role("status").filter(has_text=words_like("diary.backup.imported", added=2))).to_be_visible()

    phone.open("#/diary")
    shown = dict(entries(phone))
    assert "forearm_inner" in shown[retired["id"]]  # kept as it is, shown by its id
    phone.open("#/diary/backup")  # and the diary's own export of it imports again
    with phone.page.expect_download() as download:
        phone.button(UI["diary.backup.export"]).click()
    path = tmp_path / "again.json"
    download.value.save_as(path)
    preview = import_backup(phone, str(path), confirm=None)
    expect(preview).to_contain_text(UI["diary.backup.preview.nothing"])
    expect(preview.locator("[data-import-retired]")).to_have_attribute("data-import-retired", "1")
