"""A personal experiment in the diary's everyday screens (the personal-experiment contract, sections 5, 10 and 12):
the check-in's two questions on a plan day (never pre-selected, absent outside the plan and while paused), warning
signs that pause or stop the experiment before the advice shows, the diary's card with today's plan, "Test it" on
Patterns, and "Yesterday has no check-in". Everything is seeded through the diary's own storage module."""
import json
from datetime import date, datetime, timedelta

import pytest
from playwright.sync_api import expect

from api import engine
from api.content import load_content
from diary_steps import CONTENT, DIARY_HEADING, UI, seed, word, words_like

# The worked example's order (contract section 14): one of the 84.
ORDER = ["usual", "change", "change", "usual", "change", "usual", "usual", "change", "usual", "change"]
CALM_CHECK = {"warning_signs": ["none"], "other_signs": ["none"], "areas": ["eyelid"], "duration": "under_1_week",
              "caffeine": "3_to_4", "sleep": "5_to_6h"}


def kind_of(kind_id, content=CONTENT):
    return next(kind for kind in content["diary"]["experiments"] if kind["id"] == kind_id)


def tip_of(tip_id, content=CONTENT):
    return next(tip for tip in content["tips"] if tip["id"] == tip_id)


def plan_on(started_ago, ago=0):
    """The plan of the day `ago` days back in an experiment that started `started_ago` days back (3-day periods)."""
    return ORDER[(started_ago - ago) // 3]


def show(phone, route):
    """Draw `route` afresh from what is stored now (a reload when the page is already there)."""
    if phone.page.url == phone.base_url + route:
        phone.page.reload()
        return phone.wait_for_screen()
    return phone.open(route)


def seed_experiment(phone, kind="caffeine_stop_after_midday", started_ago=4, status="running", since_ago=None,
                    checkins=(), start_day=None):
    """Store an experiment through the diary's storage module, started `started_ago` days back (-1: tomorrow) or on
    `start_day`, paused or stopped `since_ago` days back, with check-ins [{ago, answers}]; returns the stored record."""
    return phone.page.evaluate("""async ({ kind, startedAgo, status, sinceAgo, checkins, order, startDay }) => {
        const { openDiary } = await import("./js/diary/storage.js");
        const model = await import("./js/diary/model.js");
        const { addDays, todayKey } = await import("./js/diary/days.js");
        const rules = model.diaryRules(await (await fetch("api/v1/content")).json());
        const store = await openDiary({ rules });
        const today = todayKey();
        let experiment = model.newExperiment({ kind, start_day: startDay ?? addDays(today, -startedAgo), order });
        if (status === "paused") experiment = { ...experiment, status, paused_on: addDays(today, -sinceAgo) };
        if (status === "stopped") experiment = model.stopExperiment(experiment, addDays(today, -sinceAgo), "person");
        await store.putExperiment(experiment);
        for (const { ago, answers } of checkins) await store.putCheckin(model.newCheckin(rules, addDays(today, -ago), answers));
        store.close();
        return experiment;
    }""", {"kind": kind, "startedAgo": started_ago, "status": status, "sinceAgo": since_ago,
           "checkins": list(checkins), "order": ORDER, "startDay": start_day})


def stored(phone, what, key):
    """A stored record through the storage module: what="checkin" (key: a day) or "experiment" (key: its id)."""
    return phone.page.evaluate("""async ({ what, key }) => {
        const { openDiary } = await import("./js/diary/storage.js");
        const { diaryRules } = await import("./js/diary/model.js");
        const store = await openDiary({ rules: diaryRules(await (await fetch("api/v1/content")).json()) });
        const record = what === "checkin" ? await store.getCheckin(key) : await store.getExperiment(key);
        store.close();
        return record;
    }""", {"what": what, "key": key})


def day_ago(ago):
    return (date.today() - timedelta(days=ago)).isoformat()


def save_check(phone, answers):
    """Keep a finished check on this device, as the questionnaire does."""
    phone.page.evaluate("(check) => localStorage.setItem('twitch.check', JSON.stringify(check))",
                        {"answers": answers, "at": None, "finished": True})


def experiment_inputs(phone):
    return phone.page.locator('input[name="twitch_score"], input[name="plan_kept"]')


def sign_of_level(level):
    """A warning sign whose check-in triage (no follow-up answered) is `level`."""
    question = next(q for q in CONTENT["questionnaire"]["questions"] if q["id"] == "warning_signs")
    return next(option["id"] for option in question["options"] if option["id"] != "none" and engine.assess(
        CONTENT, {"warning_signs": [option["id"]], "other_signs": ["none"]})["triage"]["level"] == level)


# The check-in's two questions -----------------------------------------------------------------------------

@pytest.mark.parametrize("kind_id, started_ago", [("caffeine_stop_after_midday", 4), ("eye_strain_screen_breaks", 1)])
def test_a_plan_day_check_in_asks_the_score_and_the_plan_kept_with_nothing_pre_selected(phone, kind_id, started_ago):
    show(phone, "#/diary")
    yesterday = {"sleep": "5_to_6h", "warning_signs": ["none"], "other_signs": ["none"], "twitch_score": 8, "plan_kept": "no"}
    seed_experiment(phone, kind=kind_id, started_ago=started_ago, checkins=[{"ago": 1, "answers": yesterday}])
    show(phone, "#/diary/checkin")
    kind, plan = kind_of(kind_id), plan_on(started_ago)

    score = phone.page.get_by_role("group", name=kind.get("score_question", UI["diary.experiment.score_question"]))
    expect(score.locator('input[name="twitch_score"]')).to_have_count(11)
    assert score.locator('input[name="twitch_score"]').evaluate_all("els => els.map(e => e.value)") == [str(n) for n in range(11)]
    for value, key in ((0, "score_none"), (5, "score_half_day"), (10, "score_nearly_all_day")):
        expect(phone.page.get_by_role("radio", name=f"{value} {UI[f'diary.experiment.{key}']}")).to_be_attached()
    kept = phone.page.get_by_role("group", name=UI["diary.experiment.kept_question"])
    plan_words = word(f"diary.experiment.today_{plan}", **{plan: kind[plan]})
    expect(kept).to_contain_text(plan_words)  # the day's plan in words, in the question
    assert kept.locator('input[name="plan_kept"]').evaluate_all("els => els.map(e => e.value)") == ["yes", "partly", "no"]
    expect(phone.option("sleep", "5_to_6h")).to_be_checked()  # habits start from yesterday's...
    for n in range(11):  # ...the experiment's answers never do
        expect(phone.option("twitch_score", str(n))).not_to_be_checked()
    for value in ("yes", "partly", "no"):
        expect(phone.option("plan_kept", value)).not_to_be_checked()

    # Warning signs are asked first: "Anything new or worse?" comes before the experiment's questions and the habits.
    assert phone.page.evaluate("""() => [...document.querySelectorAll(
        'input[name="anything_new"], input[name="twitch_score"], input[name="plan_kept"], input[name="sleep"]')]
        .map((input) => input.name).filter((name, n, names) => names.indexOf(name) === n)""") == [
        "anything_new", "twitch_score", "plan_kept", "sleep"]

    phone.option("twitch_score", "3").check()
    phone.option("plan_kept", "partly").check()
    phone.option("anything_new", "no").check()
    phone.button(UI["diary.save"]).click()
    expect(phone.heading()).to_have_text(DIARY_HEADING)
    saved = stored(phone, "checkin", day_ago(0))
    assert (saved["twitch_score"], saved["plan_kept"], saved["warning_signs"]) == (3, "partly", ["none"])

    phone.page.get_by_role("link", name=UI["diary.list.change_checkin"]).click()  # this day's own answers come back
    expect(phone.option("twitch_score", "3")).to_be_checked()
    expect(phone.option("plan_kept", "partly")).to_be_checked()


def test_a_past_plan_day_says_which_day_today_means_and_keeps_a_draft_through_a_reload(phone):
    show(phone, "#/diary")
    seed_experiment(phone, started_ago=4)
    show(phone, f"#/diary/checkin/{day_ago(1)}")
    expect(phone.page.get_by_text(words_like("diary.experiment.past_day"))).to_be_visible()
    plan = plan_on(4, ago=1)
    expect(phone.page.get_by_text(word(f"diary.experiment.today_{plan}", **{plan: kind_of("caffeine_stop_after_midday")[plan]}))).to_be_visible()
    phone.option("twitch_score", "10").check()
    phone.option("plan_kept", "yes").check()
    phone.page.reload()
    phone.wait_for_screen()
    expect(phone.page.get_by_text(UI["diary.draft.restored"])).to_be_visible()
    expect(phone.option("twitch_score", "10")).to_be_checked()
    expect(phone.option("plan_kept", "yes")).to_be_checked()
    phone.option("anything_new", "no").check()
    phone.button(UI["diary.save"]).click()
    expect(phone.heading()).to_have_text(DIARY_HEADING)
    saved = stored(phone, "checkin", day_ago(1))
    assert (saved["twitch_score"], saved["plan_kept"]) == (10, "yes")


@pytest.mark.parametrize("case", ["no experiment", "starts tomorrow", "paused", "stopped", "ended"])
def test_outside_a_running_plan_the_check_in_has_neither_question(phone, case):
    show(phone, "#/diary")
    if case == "starts tomorrow":
        seed_experiment(phone, started_ago=-1)
    elif case == "paused":
        seed_experiment(phone, started_ago=4, status="paused", since_ago=2)
    elif case == "stopped":
        seed_experiment(phone, started_ago=4, status="stopped", since_ago=1)
    elif case == "ended":
        seed_experiment(phone, started_ago=30)  # its 30th and last day was yesterday
    show(phone, "#/diary/checkin")
    expect(phone.option("anything_new", "no")).to_be_attached()
    expect(experiment_inputs(phone)).to_have_count(0)
    phone.option("anything_new", "no").check()
    phone.button(UI["diary.save"]).click()
    expect(phone.heading()).to_have_text(DIARY_HEADING)
    saved = stored(phone, "checkin", day_ago(0))
    assert (saved["twitch_score"], saved["plan_kept"]) == (None, None)


def test_spanish_asks_the_experiments_questions_in_spanish(phones, app_url):
    phone = phones(app_url, locale="es-ES")
    spanish = load_content(lang="es")
    words = spanish["ui"]
    show(phone, "#/diary")
    seed_experiment(phone, started_ago=4)
    show(phone, "#/diary/checkin")
    expect(phone.heading()).to_have_text(words["diary.checkin.today_heading"])
    expect(phone.page.get_by_role("group", name=words["diary.experiment.score_question"])).to_be_visible()
    plan = plan_on(4)
    kind = kind_of("caffeine_stop_after_midday", spanish)
    expect(phone.page.get_by_role("group", name=words["diary.experiment.kept_question"])).to_contain_text(
        words[f"diary.experiment.today_{plan}"].replace(f"{{{plan}}}", kind[plan]))
    expect(phone.page.get_by_role("radio", name=f"0 {words['diary.experiment.score_none']}")).to_be_attached()
    expect(phone.page.get_by_text(words["diary.experiment.checkin_heading"].replace(
        "{tip}", tip_of("caffeine_stop_after_midday", spanish)["title"]))).to_be_visible()


# A whole experiment, day by day, with the clock moved on ---------------------------------------------------------

# The worked example's check-ins (contract section 14), one a day from 2024-06-03: (score, kept), None for none.
WORKED_DAYS = [(6, "yes"), (6, "yes"), (7, "yes"), (6, "partly"), (4, "yes"), (3, "yes"), (3, "yes"), (3, "yes"), None,
               (3, "yes"), (5, "yes"), (6, "yes"), (5, "yes"), (2, "yes"), (3, "no"), (2, "yes"), None, None,
               (4, "yes"), (4, "yes"), (3, "yes"), (4, "yes"), (2, "yes"), (2, "yes"), (2, "yes"), (4, "yes"),
               (5, "yes"), (4, "yes"), (3, "partly"), (1, "yes")]
WORKED_START = date(2024, 6, 3)


def test_thirty_evenings_of_check_ins_follow_the_plan_and_give_the_worked_examples_numbers(phone):
    phone.page.clock.set_fixed_time(datetime(2024, 6, 2, 20, 0))  # the evening it was started
    show(phone, "#/diary")
    experiment = seed_experiment(phone, start_day=WORKED_START.isoformat())
    for n, answer in enumerate(WORKED_DAYS):
        day = WORKED_START + timedelta(days=n)
        phone.page.clock.set_fixed_time(datetime(day.year, day.month, day.day, 21, 0))
        show(phone, "#/diary")
        card = phone.page.locator("[data-experiment-card]")
        expect(card).to_have_attribute("data-experiment-today", ORDER[n // 3])
        expect(card).to_contain_text(word("diary.experiment.card_day", day=n + 1, days=30))
        if answer is None:
            continue  # a missed evening stays missed
        phone.page.get_by_role("link", name=UI["diary.do_checkin"]).click()
        expect(phone.heading()).to_have_text(UI["diary.checkin.today_heading"])
        expect(phone.page.locator('[data-experiment-checkin]')).to_have_attribute("data-experiment-plan", ORDER[n // 3])
        phone.option("twitch_score", str(answer[0])).check()
        phone.option("plan_kept", answer[1]).check()
        phone.option("anything_new", "no").check()
        phone.button(UI["diary.save"]).click()
        expect(phone.heading()).to_have_text(DIARY_HEADING)

    phone.page.clock.set_fixed_time(datetime(2024, 7, 3, 9, 0))  # the morning after the last day
    show(phone, "#/diary")
    expect(phone.page.get_by_role("link", name=UI["diary.log_a_twitch"])).to_be_visible()
    expect(phone.page.locator("[data-experiment-card]")).to_have_count(0)
    expect(phone.page.get_by_role("link", name=UI["diary.list.yesterday_missing"])).to_have_count(0)
    show(phone, "#/diary/checkin")
    expect(phone.option("anything_new", "no")).to_be_attached()
    expect(experiment_inputs(phone)).to_have_count(0)
    result = phone.page.evaluate("""async (id) => {
        const { openDiary } = await import("./js/diary/storage.js");
        const { diaryRules } = await import("./js/diary/model.js");
        const { analyse } = await import("./js/diary/experiment.js");
        const store = await openDiary({ rules: diaryRules(await (await fetch("api/v1/content")).json()) });
        const experiment = await store.getExperiment(id);
        const scores = new Map((await store.listCheckins()).map((checkin) => [checkin.day, checkin.twitch_score]));
        store.close();
        const { verdict, mean_usual, mean_change, p_fell, range } = analyse(experiment, (day) => scores.get(day) ?? null);
        return [verdict, ...[mean_usual, mean_change, p_fell, ...range].map((value) => value.toFixed(3))];
    }""", experiment["id"])
    assert result == ["fell", "5.000", "2.600", "0.024", "1.250", "3.500"]


# Warning signs on a plan day --------------------------------------------------------------------------------

def report_sign(phone, sign):
    show(phone, "#/diary/checkin")
    phone.option("twitch_score", "6").check()
    phone.option("anything_new", "yes").check()
    phone.option("warning_signs", sign).check()
    phone.option("other_signs", "none").check()
    phone.button(UI["diary.save"]).click()
    expect(phone.heading()).to_have_text(UI["diary.advice.reported"])


def advice_comes_first(phone):
    """The triage advice stands above what the signs did to the experiment."""
    return phone.page.evaluate("""() => Boolean(document.querySelector("[data-triage-level]")
        .compareDocumentPosition(document.querySelector("[data-experiment-note]")) & Node.DOCUMENT_POSITION_FOLLOWING)""")


def test_a_sign_needing_an_appointment_pauses_the_experiment_and_the_check_in_stops_asking(phone):
    show(phone, "#/diary")
    experiment = seed_experiment(phone, started_ago=4)
    sign = sign_of_level("consultation")
    report_sign(phone, sign)
    expect(phone.page.locator("[data-triage-level]")).to_have_attribute("data-triage-level", "consultation")
    note = phone.page.locator('[data-experiment-note="paused"]')
    expect(note.get_by_text(words_like("diary.experiment.paused"))).to_be_visible()
    assert advice_comes_first(phone)
    paused = stored(phone, "experiment", experiment["id"])
    assert (paused["status"], paused["paused_on"], paused["stop_reason"]) == ("paused", day_ago(0), None)
    assert stored(phone, "checkin", day_ago(0))["twitch_score"] == 6  # what was entered is kept

    phone.page.get_by_role("link", name=UI["diary.go_to_diary"]).click()
    card = phone.page.locator("[data-experiment-card]")
    expect(card.get_by_text(words_like("diary.experiment.paused"))).to_be_visible()
    assert card.get_attribute("data-experiment-today") is None
    expect(card.get_by_role("link", name=UI["diary.experiment.card_open"])).to_have_attribute(
        "href", f"#/diary/experiment/{experiment['id']}")
    show(phone, "#/diary/checkin")
    expect(phone.option("anything_new", "no")).to_be_attached()
    expect(experiment_inputs(phone)).to_have_count(0)


@pytest.mark.parametrize("status", ["running", "paused"])
def test_a_sign_needing_help_within_a_day_or_sooner_stops_the_experiment(phone, status):
    show(phone, "#/diary")
    experiment = seed_experiment(phone, started_ago=4, status=status, since_ago=1)
    sign = sign_of_level("consultation_24")
    if status == "paused":  # a paused experiment asks nothing, but its days still hear the warning signs
        show(phone, "#/diary/checkin")
        phone.option("anything_new", "yes").check()
        phone.option("warning_signs", sign).check()
        phone.option("other_signs", "none").check()
        phone.button(UI["diary.save"]).click()
        expect(phone.heading()).to_have_text(UI["diary.advice.reported"])
    else:
        report_sign(phone, sign)
    expect(phone.page.locator("[data-triage-level]")).to_have_attribute("data-triage-level", "consultation_24")
    expect(phone.page.locator('[data-experiment-note="stopped"]')).to_contain_text(UI["diary.experiment.stopped_for_signs"])
    assert advice_comes_first(phone)
    stopped = stored(phone, "experiment", experiment["id"])
    assert (stopped["status"], stopped["stop_reason"], stopped["ended_on"], stopped["paused_on"]) == (
        "stopped", "warning_signs", day_ago(0), None)
    show(phone, "#/diary")
    expect(phone.page.get_by_text(UI["diary.list.warned_today"])).to_be_visible()
    expect(phone.page.locator("[data-experiment-card]")).to_have_count(0)


@pytest.mark.parametrize("ago, status", [(0, "stopped"), (1, "running")])
def test_signs_on_the_day_it_was_started_stop_it_and_an_older_days_signs_do_not(phone, ago, status):
    show(phone, "#/diary")
    experiment = seed_experiment(phone, started_ago=-1)  # started today: its first day is tomorrow
    show(phone, f"#/diary/checkin/{day_ago(ago)}")
    phone.option("anything_new", "yes").check()
    phone.option("warning_signs", sign_of_level("consultation_24")).check()
    phone.option("other_signs", "none").check()
    phone.button(UI["diary.save"]).click()
    expect(phone.heading()).to_have_text(UI["diary.advice.reported"])
    expect(phone.page.locator("[data-experiment-note]")).to_have_count(1 if status == "stopped" else 0)
    assert stored(phone, "experiment", experiment["id"])["status"] == status


# The diary's card ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("started_ago", [4, 7])
def test_the_diary_shows_the_running_experiments_card_with_todays_plan_in_words(phone, started_ago):
    show(phone, "#/diary")
    experiment = seed_experiment(phone, started_ago=started_ago)
    show(phone, "#/diary")
    plan, kind = plan_on(started_ago), kind_of("caffeine_stop_after_midday")
    card = phone.page.locator("[data-experiment-card]")
    expect(card).to_have_attribute("data-experiment-today", plan)
    expect(card.get_by_role("heading")).to_have_text(word("diary.experiment.card_heading",
                                                           tip=tip_of("caffeine_stop_after_midday")["title"]))
    expect(card).to_contain_text(word(f"diary.experiment.card_{plan}", **{plan: kind[plan]}))
    expect(card).to_contain_text(word("diary.experiment.card_day", day=started_ago + 1, days=30))
    card.get_by_role("link", name=UI["diary.experiment.card_open"]).click()
    expect(phone.page).to_have_url(f"{phone.base_url}#/diary/experiment/{experiment['id']}")


def test_an_experiment_starting_tomorrow_shows_its_card_without_a_plan_for_today(phone):
    show(phone, "#/diary")
    seed_experiment(phone, started_ago=-1)
    show(phone, "#/diary")
    card = phone.page.locator("[data-experiment-card]")
    expect(card.get_by_text(words_like("diary.experiment.card_upcoming"))).to_be_visible()
    assert card.get_attribute("data-experiment-today") is None


@pytest.mark.parametrize("case", ["none", "stopped", "ended"])
def test_no_card_without_an_experiment_under_way(phone, case):
    show(phone, "#/diary")
    if case == "stopped":
        seed_experiment(phone, started_ago=4, status="stopped", since_ago=0)
    elif case == "ended":
        seed_experiment(phone, started_ago=31)
    show(phone, "#/diary")
    expect(phone.page.get_by_role("link", name=UI["diary.log_a_twitch"])).to_be_visible()
    expect(phone.page.locator("[data-experiment-card]")).to_have_count(0)


# Patterns: "Test it" -----------------------------------------------------------------------------------------

def pattern_days():
    """12 days where short nights and 5+ coffees fall together and go with 3 twitches, the others with 1."""
    return [{"ago": ago, "twitches": [("eyelid", "light")] * (3 if ago % 2 else 1),
             "habits": {"sleep": "5_to_6h" if ago % 2 else "7_to_8h", "caffeine": "5_plus" if ago % 2 else "none",
                        "warning_signs": ["none"], "other_signs": ["none"]}} for ago in range(2, 14)]


def seed_patterns(phone):
    seed(phone, pattern_days())


def links_to_test_it(card):
    return card.locator("[data-experiment-kind-link]").evaluate_all(
        "els => els.map(e => [e.dataset.experimentKindLink, e.getAttribute('href'), e.textContent])")


@pytest.mark.parametrize("about_you, caffeine_kinds", [(["none"], ["caffeine_stop_after_midday"]), (["pregnant"], [])])
def test_patterns_cards_link_to_test_it_for_the_kinds_offered_and_only_those(phone, about_you, caffeine_kinds):
    show(phone, "#/diary")
    seed_patterns(phone)
    save_check(phone, {**CALM_CHECK, "about_you": about_you})
    show(phone, "#/diary/insights")
    sleep, caffeine = (phone.page.locator(f'[data-diary-insight="{habit}"]') for habit in ("short_sleep", "high_caffeine"))
    expect(sleep).to_be_visible()
    expect(caffeine).to_be_visible()
    expect(sleep).to_contain_text(UI["diary.experiment.test_it_hint"])
    assert links_to_test_it(sleep) == [
        [kind, f"#/diary/experiment/plan/{kind}", word("diary.experiment.test_it", tip=tip_of(kind)["title"])]
        for kind in ("sleep_aim_seven_hours", "sleep_wind_down")]
    # In pregnancy the caffeine tip's caution is active: its usual days must never be advised against.
    assert [kind for kind, _, _ in links_to_test_it(caffeine)] == caffeine_kinds
    for link in phone.page.get_by_role("link", name=words_like("diary.experiment.test_it")).all():
        assert link.text_content().startswith(UI["diary.experiment.test_it"].split("{")[0])


def test_without_a_check_patterns_offer_no_experiment(phone):
    show(phone, "#/diary")
    seed_patterns(phone)
    show(phone, "#/diary/insights")
    expect(phone.page.locator('[data-diary-insight="short_sleep"]')).to_be_visible()
    expect(phone.page.locator("[data-experiment-kind-link]")).to_have_count(0)
    expect(phone.page.get_by_text(UI["diary.experiment.test_it_hint"])).to_have_count(0)


# Yesterday has no check-in -----------------------------------------------------------------------------------

def test_the_diary_offers_yesterdays_missing_check_in_and_it_goes_once_added(phone):
    show(phone, "#/diary")
    seed_experiment(phone, started_ago=-1, checkins=[{"ago": 3, "answers": {"sleep": "7_to_8h", "warning_signs": ["none"]}}])
    show(phone, "#/diary")
    missing = phone.page.get_by_role("link", name=UI["diary.list.yesterday_missing"])
    expect(missing).to_have_attribute("href", f"#/diary/checkin/{day_ago(1)}")
    missing.click()
    expect(phone.heading()).to_have_text(words_like("diary.checkin.day_heading"))
    phone.option("anything_new", "no").check()
    phone.button(UI["diary.save"]).click()
    expect(phone.heading()).to_have_text(DIARY_HEADING)
    expect(phone.page.get_by_role("status").filter(has_text=words_like("diary.checkin.saved"))).to_be_visible()
    expect(phone.page.get_by_role("link", name=UI["diary.list.yesterday_missing"])).to_have_count(0)


def test_a_missed_plan_day_is_offered_even_on_a_first_check_in(phone):
    show(phone, "#/diary")
    seed_experiment(phone, started_ago=1)  # yesterday was its first day
    show(phone, "#/diary")
    expect(phone.page.get_by_role("link", name=UI["diary.list.yesterday_missing"])).to_be_visible()


def test_someone_who_keeps_no_diary_is_not_told_about_yesterday(phone):
    show(phone, "#/diary")
    seed_experiment(phone, started_ago=-1, checkins=[{"ago": 0, "answers": {"warning_signs": ["none"]}}])
    show(phone, "#/diary")
    expect(phone.page.get_by_role("link", name=UI["diary.list.change_checkin"])).to_be_visible()
    expect(phone.page.get_by_role("link", name=UI["diary.list.yesterday_missing"])).to_have_count(0)


# Accessibility ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_the_check_in_questions_the_card_and_test_it(phones, app_url, scheme):
    phone = phones(app_url, color_scheme=scheme)
    show(phone, "#/diary")
    seed_patterns(phone)
    seed_experiment(phone, started_ago=4)
    save_check(phone, CALM_CHECK)
    show(phone, "#/diary/checkin")
    phone.option("twitch_score", "5").check()
    assert phone.run_axe() == []
    show(phone, "#/diary")
    expect(phone.page.locator("[data-experiment-card]")).to_be_visible()
    expect(phone.page.get_by_role("link", name=UI["diary.list.yesterday_missing"])).to_be_visible()
    assert phone.run_axe() == []
    show(phone, "#/diary/insights")
    expect(phone.page.locator("[data-experiment-kind-link]").first).to_be_visible()
    assert phone.run_axe() == []
    report_sign(phone, sign_of_level("consultation"))
    expect(phone.page.locator('[data-experiment-note="paused"]')).to_be_visible()
    assert phone.run_axe() == []
    show(phone, "#/diary")
    expect(phone.page.locator("[data-experiment-card]").get_by_text(words_like("diary.experiment.paused"))).to_be_visible()
    assert phone.run_axe() == []


def test_the_score_chips_are_44px_and_fit_320px(phone):
    show(phone, "#/diary")
    seed_experiment(phone, started_ago=4)
    show(phone, "#/diary/checkin")
    chips = phone.page.locator(".diary-experiment-questions label.option")
    expect(chips).to_have_count(11 + 3)
    small = chips.evaluate_all("""els => els
        .map(e => [e.textContent.trim(), e.getBoundingClientRect()])
        .filter(([, r]) => r.width < 44 || r.height < 44).map(([text]) => text)""")
    assert small == []
    for width, text_size in ((320, "100%"), (360, "200%")):
        phone.page.set_viewport_size({"width": width, "height": 740})
        phone.page.evaluate(f"document.documentElement.style.fontSize = {text_size!r}")
        overflow = phone.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, json.dumps({"width": width, "text": text_size, "overflow": overflow})
