"""The personal experiment's screens on a phone (personal-experiment.md sections 2, 4, 10 and 12): the changes a
person may test, a plan with Start only when starting is safe (no check, a level that needs help first, warning
signs today, a caution: no Start; the advice first at `consultation`), Start drawing a 30-day calendar, the running
screen without any comparison, Stop with its confirmation, Resume after a pause, the daily reminders, axe in light
and dark, and Spanish. Experiments and check-ins are seeded through the diary's own storage module."""
import re
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

from api import engine
from api.content import load_content
from diary_steps import CONTENT, UI, word, words_like

SAFE = {"warning_signs": ["none"], "other_signs": ["none"]}
COFFEE = {**SAFE, "areas": ["eyelid"], "caffeine": "3_to_4", "duration": "1_to_2_weeks"}  # self care, 10 days
LONG = {**COFFEE, "duration": "2_weeks_to_3_months"}  # a reason to see a GP: consultation
WITHIN_24H = {**SAFE, "other_signs": ["swollen_calf"], "areas": ["calf_foot"], "caffeine": "3_to_4"}
AMBULANCE = {**SAFE, "warning_signs": ["sudden_one_side"], "areas": ["arm_hand"], "caffeine": "3_to_4"}
PREGNANT = {**COFFEE, "about_you": ["pregnant"]}
# The contract's worked example: period 2 (days 4 to 6) is a change period.
ORDER = ["usual", "change", "change", "usual", "change", "usual", "usual", "change", "usual", "change"]
COFFEE_KIND = "caffeine_stop_after_midday"
KINDS = {kind["id"]: kind for kind in CONTENT["diary"]["experiments"]}
TIPS = {tip["id"]: tip for tip in CONTENT["tips"]}
START = UI["diary.experiment.start"]

SEED = """async ({experiments, checkins}) => {
    const { openDiary } = await import("./js/diary/storage.js");
    const model = await import("./js/diary/model.js");
    const { addDays, todayKey } = await import("./js/diary/days.js");
    const rules = model.diaryRules(await (await fetch("api/v1/content")).json());
    const store = await openDiary({ rules });
    const ago = (days) => addDays(todayKey(), -days);
    const ids = [];
    for (const { kind, started_ago, order, status, changed_ago } of experiments) {
        let experiment = model.newExperiment({ kind, start_day: ago(started_ago), order });
        if (status === "paused") experiment = { ...experiment, status, paused_on: ago(changed_ago) };
        await store.putExperiment(experiment);
        ids.push(experiment.id);
    }
    for (const { ago: days, ...answers } of checkins) await store.putCheckin(model.newCheckin(rules, ago(days), answers));
    store.close();
    return ids;
}"""

STORED = """async () => {
    const { openDiary } = await import("./js/diary/storage.js");
    const model = await import("./js/diary/model.js");
    const store = await openDiary({ rules: model.diaryRules(await (await fetch("api/v1/content")).json()) });
    const experiments = await store.listExperiments();
    store.close();
    return experiments;
}"""

TODAY = """async (days) => {
    const { addDays, todayKey } = await import("./js/diary/days.js");
    return addDays(todayKey(), days);
}"""


# Steps ---------------------------------------------------------------------------------------------------------

def with_check(phone, answers):
    """The phone holds a finished check with these answers (None: no check at all)."""
    phone.open("#/")
    if answers is not None:
        check = {"answers": answers, "at": None, "finished": True}
        phone.page.evaluate("c => localStorage.setItem('twitch.check', JSON.stringify(c))", check)


def seed(phone, experiments=(), checkins=()):
    """Experiments [{kind, started_ago, order, status, changed_ago}] and check-ins [{ago, ...answers}]; their ids."""
    experiments = [{"kind": COFFEE_KIND, "order": ORDER, "status": "running", "changed_ago": None, **e} for e in experiments]
    return phone.page.evaluate(SEED, {"experiments": experiments, "checkins": list(checkins)})


def stored(phone):
    return phone.page.evaluate(STORED)


def day(phone, offset):
    """Today's day key on the phone, plus `offset` days."""
    return phone.page.evaluate(TODAY, offset)


def go(phone, route, heading):
    phone.page.goto(phone.base_url + route)
    expect(phone.page.locator("main h1")).to_have_text(heading)


def plan_title(kind_id, ui=UI, content=CONTENT):
    tip = next(tip for tip in content["tips"] if tip["id"] == kind_id)
    return ui["diary.experiment.plan_title"].replace("{tip}", tip["title"])


def open_plan(phone, kind_id):
    go(phone, f"#/diary/experiment/plan/{kind_id}", plan_title(kind_id))


def open_experiment(phone, experiment_id, kind_id=COFFEE_KIND):
    go(phone, f"#/diary/experiment/{experiment_id}", TIPS[kind_id]["title"])
    return phone.page.locator("main [data-experiment-status]")


def start_button(phone):
    return phone.button(START)


def calendar(phone):
    return phone.page.locator("[data-experiment-day]").evaluate_all(
        "els => els.map(e => [e.dataset.experimentDay, e.dataset.experimentPlan, e.hasAttribute('data-experiment-settling')])")


# The list and the plan -----------------------------------------------------------------------------------------

def test_the_diary_links_to_the_changes_this_person_can_test_and_their_plans(phone):
    with_check(phone, COFFEE)
    phone.open("#/diary")
    phone.page.get_by_role("navigation").get_by_role("link", name=UI["diary.experiment.title"], exact=True).click()
    expect(phone.heading()).to_have_text(UI["diary.experiment.list_title"])
    assert phone.page.url.endswith("#/diary/experiment")
    kinds = phone.page.locator("[data-experiment-kind]")
    expect(kinds.first).to_be_visible()
    offered = phone.ranked("data-experiment-kind")
    assert COFFEE_KIND in offered and "eye_strain_screen_breaks" in offered
    assert "alcohol_not_before_bed" not in offered  # its offer_when: alcohol "some", not answered here
    assert set(offered) <= set(KINDS)
    for kind_id in offered:
        link = phone.page.locator(f'[data-experiment-kind="{kind_id}"] a')
        expect(link).to_have_accessible_name(re.compile(r"^Plan "))
    assert phone.page.locator("[data-experiment]").count() == 0  # no experiment yet

    phone.page.locator(f'[data-experiment-kind="{COFFEE_KIND}"] a').click()
    expect(phone.heading()).to_have_text(plan_title(COFFEE_KIND))
    main = phone.page.locator("main")
    expect(main.locator(f'[data-tip="{COFFEE_KIND}"]')).to_be_visible()
    expect(main.get_by_text(word("diary.experiment.change_days", change=KINDS[COFFEE_KIND]["change"]))).to_be_visible()
    expect(main.get_by_text(word("diary.experiment.usual_days", usual=KINDS[COFFEE_KIND]["usual"]))).to_be_visible()
    expect(main.get_by_text(UI["diary.experiment.length"])).to_be_visible()
    expect(main.locator("[data-experiment-power]")).to_have_text(UI["diary.experiment.power"])
    expect(start_button(phone)).to_be_visible()
    expect(main.locator("[data-experiment-blocked]")).to_have_count(0)
    expect(main.locator("[data-triage-level]")).to_have_count(0)  # self care: no advice to put first
    expect(main.locator("[data-experiment-gp]")).to_have_count(0)  # 10 days, and no twitch logged


@pytest.mark.parametrize("answers, blocked, level", [
    (None, "no_check", None),
    (WITHIN_24H, "triage_level", "consultation_24"),
    (AMBULANCE, "triage_level", "emergency_ambulance"),
], ids=["no check", "within 24 hours", "ambulance"])
def test_no_start_without_a_check_or_at_a_level_that_needs_help_first(phone, answers, blocked, level):
    if answers is not None:
        assert engine.assess(CONTENT, answers)["triage"]["level"] == level
    with_check(phone, answers)
    open_plan(phone, COFFEE_KIND)
    main = phone.page.locator("main")
    expect(main.locator(f'[data-experiment-blocked="{blocked}"]')).to_be_visible()
    expect(start_button(phone)).to_have_count(0)
    expect(main.locator("[data-experiment-plan-words]")).to_have_count(0)  # nothing about the change before the help
    if level:
        expect(main.locator("[data-triage-level]")).to_have_attribute("data-triage-level", level)
        expect(main.get_by_text(UI["diary.experiment.blocked_level"])).to_be_visible()
    else:
        expect(main.get_by_text(UI["diary.experiment.blocked_no_check"])).to_be_visible()
        expect(main.get_by_role("link", name=UI["home.start"])).to_have_attribute("href", re.compile(r"^#/check/"))
    go(phone, "#/diary/experiment", UI["diary.experiment.list_title"])
    expect(main.locator(f'[data-experiment-blocked="{blocked}"]')).to_be_visible()
    expect(main.locator("[data-experiment-kind]")).to_have_count(0)


def test_at_consultation_the_advice_comes_before_start_with_the_2_week_gp_line(phone):
    assert engine.assess(CONTENT, LONG)["triage"]["level"] == "consultation"
    with_check(phone, LONG)
    open_plan(phone, COFFEE_KIND)
    advice = phone.page.locator("main [data-triage-level]")
    expect(advice).to_have_attribute("data-triage-level", "consultation")
    expect(phone.page.get_by_text(UI["diary.experiment.consultation"])).to_be_visible()
    expect(start_button(phone)).to_be_visible()
    before = advice.evaluate("(advice, button) => Boolean(advice.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING)",
                             start_button(phone).element_handle())
    assert before, "the advice comes before the Start button"
    expect(phone.page.locator("main [data-experiment-gp]")).to_have_text(UI["diary.experiment.gp_line_plan"])


def test_the_gp_line_also_comes_from_the_diarys_first_twitch_over_2_weeks_ago(phone):
    with_check(phone, COFFEE)
    phone.page.evaluate("""async () => {
        const { openDiary } = await import("./js/diary/storage.js");
        const model = await import("./js/diary/model.js");
        const { addDays, localTime, todayKey } = await import("./js/diary/days.js");
        const store = await openDiary({ rules: model.diaryRules(await (await fetch("api/v1/content")).json()) });
        await store.putEntry(model.newTwitchEntry({ area: "eyelid", strength: "light", at: localTime(addDays(todayKey(), -14), "09:00") }));
        store.close();
    }""")
    open_plan(phone, COFFEE_KIND)
    expect(phone.page.locator("main [data-experiment-gp]")).to_have_text(UI["diary.experiment.gp_line_plan"])


def test_warning_signs_in_todays_check_in_block_the_start_with_their_advice(phone):
    with_check(phone, COFFEE)
    seed(phone, checkins=[{"ago": 0, "warning_signs": ["eyelid_droop"], "other_signs": ["none"]}])
    open_plan(phone, COFFEE_KIND)
    blocked = phone.page.locator('main [data-experiment-blocked="warning_signs"]')
    expect(blocked).to_be_visible()
    expect(blocked.locator("[data-triage-level]")).to_be_visible()
    expect(blocked.get_by_role("link", name=UI["diary.experiment.read_advice"])).to_have_attribute(
        "href", f"#/diary/advice/{day(phone, 0)}")
    expect(start_button(phone)).to_have_count(0)


def test_a_change_the_app_advises_against_for_this_person_is_not_offered(phone):
    with_check(phone, PREGNANT)
    go(phone, "#/diary/experiment", UI["diary.experiment.list_title"])
    expect(phone.page.locator("[data-experiment-kind]").first).to_be_visible()
    assert COFFEE_KIND not in phone.ranked("data-experiment-kind")  # its usual days: caffeine as usual
    go(phone, f"#/diary/experiment/plan/{COFFEE_KIND}", TIPS[COFFEE_KIND]["title"])
    main = phone.page.locator("main")
    expect(main.locator('[data-experiment-not-offered="caution"]')).to_have_text(UI["diary.experiment.not_for_you"])
    expect(main.locator('[data-caution="pregnancy_caffeine"]')).to_be_visible()
    expect(start_button(phone)).to_have_count(0)


def test_a_change_with_weak_evidence_says_so_on_its_plan(phone):
    with_check(phone, COFFEE)
    open_plan(phone, "sedentary_move_every_hour")
    tip = phone.page.locator('main [data-tip="sedentary_move_every_hour"]')
    expect(tip).to_contain_text(TIPS["sedentary_move_every_hour"]["expect"])  # "The evidence for this is weak."
    # The tip's own "try it for two weeks" is not shown: the plan sets the days.
    expect(tip).not_to_contain_text(TIPS["sedentary_move_every_hour"]["how_long"])
    expect(start_button(phone)).to_be_visible()


def test_a_tip_that_is_not_a_kind_says_so_and_has_no_start(phone):
    with_check(phone, COFFEE)
    tip = TIPS["caffeine_cut_down_slowly"]
    go(phone, "#/diary/experiment/plan/caffeine_cut_down_slowly", tip["title"])
    expect(phone.page.locator('main [data-experiment-not-offered="not_a_kind"]')).to_have_text(UI["diary.experiment.not_a_kind"])
    expect(start_button(phone)).to_have_count(0)
    go(phone, "#/diary/experiment/plan/no_such_tip", UI["diary.experiment.not_found"])


# Start, run, stop, resume --------------------------------------------------------------------------------------

def test_start_draws_a_30_day_calendar_from_tomorrow_with_15_change_days(phone):
    with_check(phone, COFFEE)
    open_plan(phone, COFFEE_KIND)
    start_button(phone).click()
    status = phone.page.locator("main [data-experiment-status]")
    expect(status).to_have_attribute("data-experiment-status", "upcoming")
    expect(phone.heading()).to_have_text(TIPS[COFFEE_KIND]["title"])
    days = calendar(phone)
    assert len(days) == 30
    assert days[0][0] == day(phone, 1), "it starts tomorrow"
    assert [d for d, _, _ in days] == [day(phone, n) for n in range(1, 31)]
    assert sum(plan == "change" for _, plan, _ in days) == 15
    assert [settling for _, _, settling in days] == [n % 3 == 0 for n in range(30)]
    order = [days[n][1] for n in range(0, 30, 3)]
    assert all(days[n][1] == order[n // 3] for n in range(30)), "a period's 3 days share its plan"
    assert all(order[n:n + 3] not in (["change"] * 3, ["usual"] * 3) for n in range(8)), "never 3 periods alike in a row"

    [experiment] = stored(phone)
    assert experiment["order"] == order and experiment["design"] == "alternation-10-v1"
    assert experiment["status"] == "running" and experiment["start_day"] == day(phone, 1)
    assert phone.page.url.endswith(f"#/diary/experiment/{experiment['id']}")
    expect(phone.page.get_by_text(words_like("diary.experiment.starts_on"))).to_be_visible()
    expect(phone.button(UI["diary.experiment.stop"])).to_be_visible()

    # Only one at a time: another change's plan says which one runs, and has no Start.
    go(phone, "#/diary/experiment", UI["diary.experiment.list_title"])
    mine = phone.page.locator(f'[data-experiment="{experiment["id"]}"]')
    expect(mine).to_have_attribute("data-experiment-status", "upcoming")
    assert mine.evaluate("(mine) => Boolean(mine.compareDocumentPosition(document.querySelector('[data-experiment-kind]')) "
                         "& Node.DOCUMENT_POSITION_FOLLOWING)"), "the experiment under way comes before the changes to test"
    open_plan(phone, "eye_strain_screen_breaks")
    expect(phone.page.locator("main").get_by_role("link", name=TIPS[COFFEE_KIND]["title"])).to_have_attribute(
        "href", f"#/diary/experiment/{experiment['id']}")
    expect(start_button(phone)).to_have_count(0)


def test_an_experiment_started_in_another_tab_meanwhile_is_said_plainly(phone):
    with_check(phone, COFFEE)
    open_plan(phone, "eye_strain_screen_breaks")
    expect(start_button(phone)).to_be_visible()
    [other] = seed(phone, [{"started_ago": 0}])  # another tab starts one while this plan is open
    start_button(phone).click()
    said = phone.page.locator("main [role=alert]")
    expect(said).to_have_text(words_like("diary.experiment.running_elsewhere", link=TIPS[COFFEE_KIND]["title"]))
    expect(said.get_by_role("link")).to_have_attribute("href", f"#/diary/experiment/{other}")
    assert [experiment["id"] for experiment in stored(phone)] == [other]


def test_a_running_experiment_shows_todays_plan_and_days_counted_but_no_comparison(phone):
    with_check(phone, COFFEE)
    scores = [{"ago": ago, **SAFE, "twitch_score": score, "plan_kept": "yes"} for ago, score in [(4, 6), (3, 6), (2, 7), (1, 2)]]
    [experiment] = seed(phone, [{"started_ago": 4}], scores)  # today is day 5: period 2, a change period
    status = open_experiment(phone, experiment)
    expect(status).to_have_attribute("data-experiment-status", "running")
    main = phone.page.locator("main")
    expect(main.get_by_text(word("diary.experiment.day_of", day=5, total=30))).to_be_visible()
    today = main.locator("[data-experiment-today]")
    expect(today).to_have_attribute("data-experiment-today", "change")
    expect(today).to_have_text(word("diary.experiment.today_is_change", change=KINDS[COFFEE_KIND]["change"]))
    # Counted: days 2 and 3 (day 1 and day 4 settle; day 5, today, has no check-in yet).
    expect(main.locator("[data-experiment-counted]")).to_have_attribute("data-experiment-counted", "2")
    expect(main.get_by_text(word("diary.experiment.counted_so_far", count=2))).to_be_visible()
    expect(main.locator(f'[data-experiment-day="{day(phone, 0)}"]')).to_have_attribute("aria-current", "date")
    expect(main.get_by_role("link", name=UI["diary.do_checkin"])).to_have_attribute("href", "#/diary/checkin")
    seed(phone, checkins=[{"ago": 0, **SAFE, "twitch_score": 3, "plan_kept": "yes"}])
    phone.page.reload()
    expect(main.get_by_role("link", name=UI["diary.list.change_checkin"])).to_have_attribute("href", "#/diary/checkin")
    expect(main.locator("[data-experiment-counted]")).to_have_attribute("data-experiment-counted", "3")  # today counts now
    # No peeking: nothing compares change days with usual days before the last day.
    expect(main.locator("[data-experiment-result], [data-experiment-chart]")).to_have_count(0)
    text = main.inner_text()
    for number in ["6.5", "2.0", "averaged"]:
        assert number not in text
    expect(phone.button(UI["diary.experiment.resume"])).to_have_count(0)


def test_stop_asks_first_and_a_stopped_experiment_stays_stopped(phone):
    with_check(phone, COFFEE)
    [experiment] = seed(phone, [{"started_ago": 2}])
    status = open_experiment(phone, experiment)
    phone.button(UI["diary.experiment.stop"]).click()
    dialog = phone.page.get_by_role("dialog")
    expect(dialog).to_contain_text(UI["diary.experiment.stop_text"])
    expect(dialog.get_by_role("button", name=UI["diary.experiment.keep_going_button"])).to_be_focused()  # the safe default
    dialog.get_by_role("button", name=UI["diary.experiment.keep_going_button"]).click()
    expect(dialog).to_have_count(0)
    assert stored(phone)[0]["status"] == "running"

    phone.button(UI["diary.experiment.stop"]).click()
    phone.page.get_by_role("dialog").get_by_role("button", name=UI["diary.experiment.stop_confirm"], exact=True).click()
    expect(status).to_have_attribute("data-experiment-status", "stopped")
    [saved] = stored(phone)
    assert (saved["status"], saved["stop_reason"], saved["ended_on"]) == ("stopped", "person", day(phone, 0))
    expect(phone.button(UI["diary.experiment.stop"])).to_have_count(0)
    expect(phone.page.locator("[data-experiment-reminder]")).to_have_count(0)
    assert len(calendar(phone)) == 30  # what the plan was stays to see


def test_a_stop_over_a_change_made_in_another_tab_says_so_and_shows_it_as_it_is(phone):
    with_check(phone, COFFEE)
    [experiment] = seed(phone, [{"started_ago": 6}])
    status = open_experiment(phone, experiment)
    phone.page.evaluate("""async (id) => {
        const { openDiary } = await import("./js/diary/storage.js");
        const model = await import("./js/diary/model.js");
        const { todayKey } = await import("./js/diary/days.js");
        const store = await openDiary({ rules: model.diaryRules(await (await fetch("api/v1/content")).json()) });
        const experiment = await store.getExperiment(id);
        const paused = { ...experiment, status: "paused", paused_on: todayKey(), updated_at: new Date(Date.now() + 1000).toISOString() };
        await store.putExperiment(paused, { basedOn: experiment.updated_at });
        store.close();
    }""", experiment)  # another tab paused it: a check-in there reported warning signs
    phone.button(UI["diary.experiment.stop"]).click()
    phone.page.get_by_role("dialog").get_by_role("button", name=UI["diary.experiment.stop_confirm"], exact=True).click()
    expect(status).to_have_attribute("data-experiment-status", "paused")
    expect(phone.page.get_by_role("status").filter(has_text=UI["diary.experiment.changed_elsewhere"])).to_be_visible()
    assert stored(phone)[0]["status"] == "paused"


def test_a_paused_experiment_says_why_and_resumes(phone):
    with_check(phone, COFFEE)
    [experiment] = seed(phone, [{"started_ago": 6, "status": "paused", "changed_ago": 1}])
    status = open_experiment(phone, experiment)
    expect(status).to_have_attribute("data-experiment-status", "paused")
    expect(phone.page.locator("main [data-experiment-paused]")).to_have_text(words_like("diary.experiment.paused"))
    expect(phone.button(UI["diary.experiment.stop"])).to_be_visible()
    expect(phone.page.locator("[data-experiment-today]")).to_have_count(0)
    phone.button(UI["diary.experiment.resume"]).click()
    expect(status).to_have_attribute("data-experiment-status", "running")
    [saved] = stored(phone)
    assert (saved["status"], saved["paused_on"]) == ("running", None)


def test_a_full_30_day_run_seeded_ends_finished_and_a_pause_past_its_end_gives_no_resume(phone):
    with_check(phone, COFFEE)
    checkins = [{"ago": ago, **SAFE, "twitch_score": 4, "plan_kept": "yes"} for ago in range(1, 31)]
    [finished] = seed(phone, [{"started_ago": 30}], checkins)  # days 1 to 30 were the last 30 days
    status = open_experiment(phone, finished)
    expect(status).to_have_attribute("data-experiment-status", "finished")
    assert calendar(phone)[-1][0] == day(phone, -1)
    expect(phone.page.locator("[data-experiment-day]").first).to_be_hidden()  # folded: the result's chart tells the days
    phone.page.get_by_text(UI["diary.experiment.calendar_heading"], exact=True).click()
    expect(phone.page.locator("[data-experiment-day]").first).to_be_visible()
    expect(phone.button(UI["diary.experiment.stop"])).to_have_count(0)
    expect(phone.page.locator("[data-experiment-today], [data-experiment-reminder]")).to_have_count(0)

    phone.page.evaluate("""async (id) => {
        const { openDiary } = await import("./js/diary/storage.js");
        const model = await import("./js/diary/model.js");
        const store = await openDiary({ rules: model.diaryRules(await (await fetch("api/v1/content")).json()) });
        const experiment = await store.getExperiment(id);
        await store.putExperiment({ ...experiment, status: "paused", paused_on: experiment.start_day }, { basedOn: experiment.updated_at });
        store.close();
    }""", finished)
    phone.page.reload()
    expect(status).to_have_attribute("data-experiment-status", "paused")
    expect(phone.page.locator("main [data-experiment-paused]")).to_be_visible()
    expect(phone.button(UI["diary.experiment.resume"])).to_have_count(0)  # resuming past its end would give a verdict


def test_as_the_days_go_by_an_experiment_started_today_runs_then_finishes(phone):
    """The phone's clock moved forward: the screen follows the calendar drawn at Start, never drawn again."""
    started = datetime(2026, 3, 1, 10, 0)
    phone.page.clock.set_fixed_time(started)  # Date is the test's; timers keep running
    with_check(phone, COFFEE)
    open_plan(phone, COFFEE_KIND)
    start_button(phone).click()
    status = phone.page.locator("main [data-experiment-status]")
    expect(status).to_have_attribute("data-experiment-status", "upcoming")
    days = calendar(phone)
    assert days[0][0] == "2026-03-02" and days[-1][0] == "2026-03-31"

    phone.page.clock.set_fixed_time(started + timedelta(days=5))  # day 5 of the plan
    phone.page.reload()
    expect(status).to_have_attribute("data-experiment-status", "running")
    expect(phone.page.get_by_text(word("diary.experiment.day_of", day=5, total=30))).to_be_visible()
    expect(phone.page.locator("[data-experiment-today]")).to_have_attribute("data-experiment-today", days[4][1])
    assert calendar(phone) == days
    expect(phone.page.locator('[aria-current="date"]')).to_have_attribute("data-experiment-day", "2026-03-06")

    phone.page.clock.set_fixed_time(started + timedelta(days=31))  # the day after the last
    phone.page.reload()
    expect(status).to_have_attribute("data-experiment-status", "finished")
    assert calendar(phone) == days
    expect(phone.button(UI["diary.experiment.stop"])).to_have_count(0)
    expect(phone.page.locator('[aria-current="date"], [data-experiment-today]')).to_have_count(0)


def test_the_daily_reminders_are_a_calendar_file_at_the_time_picked(phone, tmp_path):
    with_check(phone, COFFEE)
    [experiment] = seed(phone, [{"started_ago": 1}])
    open_experiment(phone, experiment)
    phone.page.get_by_label(UI["diary.experiment.reminder_time"]).fill("07:15")
    with phone.page.expect_download() as download:
        phone.page.get_by_role("link", name=UI["diary.experiment.reminder_download"]).click()
    assert download.value.suggested_filename == f"experiment-{day(phone, -1)}.ics"
    path = tmp_path / "reminders.ics"
    download.value.save_as(path)
    ics = path.read_bytes().decode("utf-8").replace("\r\n ", "")  # read_text would turn CRLF into LF
    starts = re.findall(r"\r\nDTSTART:(\d{8})T(\d{6})\r\n", ics)
    assert len(starts) == 30 and ics.count("BEGIN:VALARM") == 30
    assert starts[0] == (day(phone, -1).replace("-", ""), "071500")
    assert starts[-1][0] == day(phone, 28).replace("-", "")
    titles = re.findall(r"\r\nSUMMARY:([^\r]*)", ics)
    expected = [UI["diary.experiment.reminder_change_title" if plan == "change" else "diary.experiment.reminder_usual_title"]
                for plan in ORDER for _ in range(3)]
    assert titles == expected


# Accessibility and Spanish -------------------------------------------------------------------------------------

@pytest.fixture(params=["light", "dark"])
def any_phone(request, phone, dark_phone):
    return phone if request.param == "light" else dark_phone


def test_axe_finds_nothing_on_the_experiment_screens(any_phone):
    with_check(any_phone, LONG)
    [experiment] = seed(any_phone, [{"started_ago": 4}])
    screens = [("#/diary/experiment", UI["diary.experiment.list_title"]),
               ("#/diary/experiment/plan/eye_strain_screen_breaks", plan_title("eye_strain_screen_breaks")),
               (f"#/diary/experiment/{experiment}", TIPS[COFFEE_KIND]["title"])]
    for route, heading in screens:
        go(any_phone, route, heading)
        assert any_phone.run_axe() == [], route


def test_the_experiment_screens_speak_spanish(phones, app_url):
    content = load_content(lang="es")
    ui = content["ui"]
    phone = phones(app_url, locale="es-ES")
    with_check(phone, COFFEE)
    go(phone, "#/diary/experiment", ui["diary.experiment.list_title"])
    link = phone.page.locator(f'[data-experiment-kind="{COFFEE_KIND}"] a')
    tip = next(tip for tip in content["tips"] if tip["id"] == COFFEE_KIND)
    expect(link).to_have_accessible_name(ui["diary.experiment.plan_link"].replace("{tip}", tip["title"]))
    link.click()
    expect(phone.heading()).to_have_text(plan_title(COFFEE_KIND, ui, content))
    expect(phone.page.locator("main [data-experiment-power]")).to_have_text(ui["diary.experiment.power"])
    phone.button(ui["diary.experiment.start"]).click()
    expect(phone.page.locator("main [data-experiment-status]")).to_have_attribute("data-experiment-status", "upcoming")
    plans = phone.page.locator(".experiment-period-plan").all_inner_texts()
    assert {text.strip() for text in plans} == {ui["diary.experiment.change"], ui["diary.experiment.usual"]}
    expect(phone.page.locator("[data-experiment-settling]").first).to_contain_text(ui["diary.experiment.settling"])
    expect(phone.button(ui["diary.experiment.stop"])).to_be_visible()
    expect(phone.page.locator("html")).to_have_attribute("lang", "es")
