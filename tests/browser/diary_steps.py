"""The diary's words and the steps a person takes in it, shared by the diary's browser tests (test_diary.py and
test_diary_faults.py): no test module imports another."""
import re

from playwright.sync_api import expect

from api.content import load_content

CONTENT = load_content()
UI = CONTENT["ui"]  # the words of the app's screens, the diary's among them (content/diary.yml's `words`)
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


# The words a person reads, from the content -----------------------------------------------------------------

def word(key, **values):
    """The words of `key` with its `{placeholders}` filled in; a plural form chosen for `count` (English rules)."""
    text = UI[key]
    if isinstance(text, dict):
        text = text["one"] if values.get("count") == 1 and "one" in text else text["other"]
    return PLACEHOLDER.sub(lambda m: str(values[m[1]]) if m[1] in values else m[0], text)


def words_like(key, **values):
    """A pattern for the words of `key`: the values given filled in, any other placeholder (a date) anything."""
    parts = PLACEHOLDER.split(word(key, **values))  # the names left are at the odd places
    return re.compile("^" + "".join(".*" if n % 2 else re.escape(part) for n, part in enumerate(parts)) + "$")


def option_label(question_id, option_id):
    question = next(q for q in CONTENT["questionnaire"]["questions"] if q["id"] == question_id)
    return next(o["label"] for o in question["options"] if o["id"] == option_id)


def what(area, strength):
    """A twitch entry as the diary names it: "Eyelid, strong"."""
    return word("diary.entry.what", area=option_label("areas", area), strength=UI[f"diary.strength.{strength}"].lower())


DIARY_HEADING = UI["diary.list.title"]


# Steps a person takes -------------------------------------------------------------------------------------

def open_diary(phone):
    phone.open()
    phone.page.get_by_role("link", name=UI["home.open_diary"]).click()
    expect(phone.heading()).to_have_text(DIARY_HEADING)


def start_twitch(phone, area, strength=None, note=""):
    """Open "Log a twitch" and fill it in, without saving."""
    phone.page.get_by_role("link", name=UI["diary.log_a_twitch"]).click()
    expect(phone.heading()).to_have_text(UI["diary.log_a_twitch"])
    phone.option("area", area).check()
    if strength:
        phone.option("strength", strength).check()
    if note:
        phone.page.get_by_label(UI["diary.log.note"]).fill(note)


def log_twitch(phone, area, strength, note=""):
    start_twitch(phone, area, strength, note)
    phone.button(UI["diary.save"]).click()
    expect(phone.heading()).to_have_text(DIARY_HEADING)


def entries(phone):
    """The diary list as the person reads it: each entry's id and its words."""
    items = phone.page.locator("[data-diary-entry]")
    return items.evaluate_all("els => els.map(e => [e.dataset.diaryEntry, e.innerText.replace(/\\s+/g, ' ').trim()])")


def import_backup(phone, files, confirm=UI["diary.backup.confirm_import"]):
    """Choose a backup file and tap Import; once the screen shows what it will do, tap `confirm` there."""
    phone.page.get_by_label(UI["diary.backup.file_label"]).set_input_files(files)
    phone.button(UI["diary.backup.import"]).click()
    preview = phone.page.locator("[data-import-preview]")
    expect(preview).to_be_visible()
    if confirm:
        preview.get_by_role("button", name=confirm, exact=True).click()
    return preview


def seed(phone, days):
    """Store past days through the diary's own storage module: [{ago, twitches: [(area, strength)], habits}]."""
    phone.page.evaluate("""async (days) => {
        const { openDiary } = await import("./js/diary/storage.js");
        const model = await import("./js/diary/model.js");
        const { addDays, localTime, todayKey } = await import("./js/diary/days.js");
        const rules = model.diaryRules(await (await fetch("api/v1/content")).json());
        const store = await openDiary({ rules });
        for (const { ago, twitches, habits } of days) {
            const day = addDays(todayKey(), -ago);
            for (const [n, [area, strength]] of twitches.entries()) {
                const at = localTime(day, `${String(8 + n).padStart(2, "0")}:00`);
                await store.putEntry(model.newTwitchEntry({ area, strength, at }));
            }
            if (habits) await store.putCheckin(model.newCheckin(rules, day, habits));
        }
        store.close();
    }""", days)
