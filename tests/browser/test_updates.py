"""Updates arrive by themselves: the person is told, can reload, and loses nothing they entered."""
import re

from playwright.sync_api import expect

from api import create_app
from api.content import load_content

NEW_TIP_TITLE = "Get up at the same time every day, even at weekends"


def change_tip_title(content_dir, tip_id, new_title):
    old_title = next(tip["title"] for tip in load_content(content_dir)["tips"] if tip["id"] == tip_id)
    tips = content_dir / "tips.yml"
    text = tips.read_text(encoding="utf-8")
    assert text.count(f"title: {old_title}\n") == 1
    tips.write_text(text.replace(f"title: {old_title}\n", f"title: {new_title}\n"), encoding="utf-8")


def come_back_online(phone):
    """The network drops and returns, as on a phone: the app then looks for updates."""
    phone.context.set_offline(True)
    phone.context.set_offline(False)


def test_new_content_is_announced_and_loaded_and_answers_are_kept(phones, swappable_server, content_copy):
    phone = phones(swappable_server.url)
    phone.open()
    phone.wait_until_offline_ready()
    phone.page.get_by_role("button", name=re.compile("^Start")).click()
    phone.tick("warning_signs", "none")
    phone.button("Next").click()
    phone.tick("other_signs", "none")
    phone.button("Next").click()
    phone.tick("about_you", "none")
    phone.button("Next").click()
    phone.tick("areas", "eyelid")
    phone.button("Next").click()
    phone.tick("duration", "under_1_week")

    change_tip_title(content_copy, "sleep_fixed_wake_time", NEW_TIP_TITLE)
    swappable_server.swappable.app = create_app({"CONTENT_DIR": str(content_copy)})
    come_back_online(phone)

    notice = phone.page.locator('[data-notice="content-update"]')
    expect(notice).to_contain_text("New content is ready")
    notice.get_by_role("button", name="Reload").click()

    expect(phone.page.locator(".progress-text")).to_have_text(re.compile(r"^Question 5 of "))
    expect(phone.option("duration", "under_1_week")).to_be_checked()
    phone.open("#/check/sleep")
    phone.tick("sleep", "under_5h")
    phone.open("#/results")
    expect(phone.page.locator("[data-try-tonight]")).to_contain_text(NEW_TIP_TITLE)  # sleep's first tip, renamed
    expect(phone.page.locator('[data-trigger="eye_strain"]')).to_be_attached()  # the eyelid answer is still there

    phone.context.set_offline(True)  # the new content is the one kept for offline use
    phone.page.reload()
    phone.wait_for_screen()
    expect(phone.page.locator("[data-try-tonight]")).to_contain_text(NEW_TIP_TITLE)


def test_a_new_app_version_is_announced_and_answers_are_kept(phones, swappable_server, publish_new_app_version):
    phone = phones(swappable_server.url)
    phone.open("#/check/warning_signs")
    phone.wait_until_offline_ready()
    phone.tick("warning_signs", "stiffness")

    new_version = publish_new_app_version("next")
    come_back_online(phone)

    notice = phone.page.locator('[data-notice="app-update"]')
    expect(notice).to_contain_text("A new version of the app is ready")
    notice.get_by_role("button", name="Reload").click()

    expect(notice).to_have_count(0)
    phone.wait_for_screen()
    expect(phone.option("warning_signs", "stiffness")).to_be_checked()
    # the new version's caches replace the old ones, which the new worker deletes when it takes over
    phone.wait_until(f"""async () => {{
        const names = await caches.keys();
        return ["shell", "content"].every((kind) => names.includes(`twitch-${{kind}}-v{new_version}`))
            && names.every((name) => name.endsWith("-v{new_version}"));
    }}""")
