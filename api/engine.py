"""The assessment engine: pure functions of (content, answers), no Flask and no I/O.

`assess` takes the steps below in order. frontend/js/engine.js has the same functions in the same order;
tests/vectors/assessments.json and tests/test_engine_parity.py hold both to the same results.
The few look-ups the steps share (`build_index`) are built once per bundle when it is loaded, and kept with it.
"""


def picked(answer):
    """The option ids of one answer: a single id, a list of ids, or nothing."""
    if answer is None:
        return frozenset()
    if isinstance(answer, str):
        return frozenset((answer,))
    return frozenset(answer)


def test_holds(test, answers):
    """Whether one test on one answer holds (see content/GUIDELINES.md for the kinds)."""
    options = picked(answers.get(test["question"]))
    if "includes_any" in test:
        return not options.isdisjoint(test["includes_any"])
    if "includes_other_than" in test:
        return not options.issubset(test["includes_other_than"])
    if "includes_none" in test:
        return options.isdisjoint(test["includes_none"])
    if "unanswered" in test:
        return not options
    return len(options) >= test["count_at_least"]


def entry_holds(entry, answers):
    """One alternative of a rule: a single test, or `all` of several tests."""
    if "all" in entry:
        return all(test_holds(test, answers) for test in entry["all"])
    return test_holds(entry, answers)


def any_holds(rule, answers):
    """A rule (red flag `when`, trigger `when`, condition `unless`, caution `when`...) holds when any entry does."""
    return any(entry_holds(entry, answers) for entry in rule)


def asked_questions(content, answers, optional=False):
    """The ids of the questions to ask, in order, for the answers given so far (spec-v3 section 2.1): those whose
    `ask_when` holds (absent: always). `optional=True` gives instead the optional ones ("Add detail to sharpen the
    tips", after the result). Asking is the app's; scoring never depends on it."""
    return [q["id"] for q in content["questionnaire"]["questions"]
            if bool(q.get("optional")) == optional and ("ask_when" not in q or any_holds(q["ask_when"], answers))]


def build_index(content):
    """The look-ups the steps share, built once per bundle (the app keeps one beside each language's bundle)."""
    tips = {}
    for tip in content["tips"]:
        tips.setdefault(tip["trigger"], []).append(tip)
    return {
        "urgency": {level["id"]: n for n, level in enumerate(content["triage_levels"])},  # 0 is the most urgent
        "level": {level["id"]: level for level in content["triage_levels"]},
        "tips": tips,  # trigger id -> its tips, in content order
    }


def red_flags(content, answers, index=None):
    """The warning signs raised by the answers, most urgent first (content order within a level)."""
    urgency = (index or build_index(content))["urgency"]
    raised = [flag for flag in content["red_flags"] if any_holds(flag["when"], answers)]
    raised.sort(key=lambda flag: urgency[flag["level"]])  # stable: content order within a level
    return [{"id": f["id"], "level": f["level"], "title": f["title"], "advice": f["advice"], "kind": f["kind"]} for f in raised]


def triage_level(content, raised_flags):
    """The most urgent level among the raised red flags; the least urgent level when none is."""
    if raised_flags:
        return raised_flags[0]["level"]
    return content["triage_levels"][-1]["id"]


def active_cautions(content, answers):
    """Caution id -> caution, for the cautions whose `when` holds for these answers."""
    return {c["id"]: c for c in content["cautions"] if any_holds(c["when"], answers)}


def region_of(content, region):
    """The content's region for an ISO 3166-1 alpha-2 code (already upper case), or None: none asked for, or
    one the content does not list (spec-v3 section 3.3). Never guessed from the language."""
    return next((country for country in content["regions"]["countries"] if country["id"] == region), None)


HEALTH_LINE_LEVEL = "consultation_24"  # the one level that offers the urgent, non-emergency line


def calls(content, level, country):
    """The numbers to call at this level where the person is (spec-v3 section 3.3): urgent levels list emergency
    numbers only; consultation_24 the health line, if the region has one, then the emergency numbers; other levels
    none. A number no official page confirms is never a button; a region with no confirmed emergency number, or
    none known, gets the fallback numbers (region null)."""
    if not level["urgent"] and level["id"] != HEALTH_LINE_LEVEL:
        return []
    confirmed = [n for n in (country or {}).get("emergency", ()) if not n.get("unconfirmed")]
    if confirmed:
        emergency = [{"number": n["number"], "name": n["name"], "kind": "emergency", "region": country["id"]}
                     for n in confirmed]
    else:
        emergency = [{"number": n["number"], "name": n["name"], "kind": "emergency", "region": None}
                     for n in content["regions"]["fallback"]["emergency"]]
    line = (country or {}).get("health_line")
    if level["urgent"] or not line or line.get("unconfirmed"):
        return emergency
    return [{"number": line["number"], "name": line["name"], "kind": "health_line", "region": country["id"]}, *emergency]


def triage(level, cautions, numbers):
    """The level as a result shows it, with the caution lines that fit the person and the numbers to call."""
    return {"level": level["id"], "urgent": level["urgent"], "title": level["title"], "advice": level["advice"],
            "how_soon": level["how_soon"], "cautions": [{"id": c, "text": cautions[c]["text"]} for c in level.get("cautions", ()) if c in cautions],
            "calls": numbers}


def contributions(content, answers, field):
    """Each trigger's (or condition's, by `field`) weight total and reasons, walking questions and options in
    content order. Weights are at least 1, so whatever is here has a total above 0."""
    totals = {}
    for question in content["questionnaire"]["questions"]:
        options = picked(answers.get(question["id"]))
        for option in question["options"]:
            if option["id"] not in options:
                continue
            for target, weight in option.get(field, {}).items():
                entry = totals.setdefault(target, {"total": 0, "reasons": []})
                entry["total"] += weight
                text = option.get("reasons", {}).get(target, option["reason"])
                entry["reasons"].append({"question": question["id"], "option": option["id"], "text": text})
    return totals


def tip_result(tip, cautions):
    """A tip as it appears in a result, with the caution lines that fit the person."""
    return {"id": tip["id"], "title": tip["title"], "text": tip["do"], "how_long": tip["how_long"],
            "expect": tip["expect"], "cautions": [{"id": c["id"], "text": c["text"]} for c in cautions]}


def tips_for(content, trigger_id, answers, cautions, index=None):
    """A trigger's tips for this person: unfitting ones left out, fitting ones first, cautions added."""
    first, rest = [], []
    for tip in (index or build_index(content))["tips"].get(trigger_id, ()):
        if "hide_when" in tip and any_holds(tip["hide_when"], answers):
            continue
        shown = tip_result(tip, [cautions[c] for c in tip.get("cautions", ()) if c in cautions])
        (first if "first_when" in tip and any_holds(tip["first_when"], answers) else rest).append(shown)
    return first + rest


def first_triggers(content, raised_flags):
    """The triggers that raised flags put first (stopping heavy drinking puts alcohol first)."""
    raised = {flag["id"] for flag in raised_flags}
    return {f["first_trigger"] for f in content["red_flags"] if f["id"] in raised and "first_trigger" in f}


def ranked_triggers(content, answers, first, cautions, index=None):
    """Triggers with a score, each with reasons and the tips that fit, ranked 1, 2, 3...: the trigger a raised
    flag names first, then well-sourced before weak evidence, each by score, ties in content order."""
    index = index or build_index(content)
    scale = content["score_scale"]
    totals = contributions(content, answers, "triggers")
    ranked = []
    for trigger in content["triggers"]:
        scored = totals.get(trigger["id"])
        if scored is None or ("when" in trigger and not any_holds(trigger["when"], answers)):
            continue
        ranked.append({
            "id": trigger["id"],
            "title": trigger["title"],
            "score": min(scored["total"], scale) / scale,
            "evidence": trigger.get("evidence", "good"),  # `weak` where the content says so
            "reasons": scored["reasons"],
            "tips": tips_for(content, trigger["id"], answers, cautions, index),
        })
    group = {"good": 1, "weak": 2}  # after the triggers a raised flag names (0)

    def group_of(trigger):
        return 0 if trigger["id"] in first else group[trigger["evidence"]]
    ranked.sort(key=lambda trigger: (group_of(trigger), -trigger["score"]))
    for rank, trigger in enumerate(ranked, start=1):  # the sort is stable: ties keep content order
        trigger["rank"] = rank
    return ranked


def related_condition(condition, reasons):
    """A condition as a result lists it: to mention to a doctor, with why, never as a diagnosis."""
    return {
        "id": condition["id"],
        "title": condition["title"],
        "calm": condition["calm"],
        "reason": " ".join(reason["text"] for reason in reasons),
        "mention": condition["mention"],
        "reassurance": condition.get("reassurance", []),
    }


def related_conditions(content, answers):
    """Conditions worth mentioning to a doctor, in content order; information, never a diagnosis."""
    totals = contributions(content, answers, "conditions")
    related = []
    for condition in content["conditions"]:
        scored = totals.get(condition["id"])
        if scored is None:
            continue
        if "when" in condition and not any_holds(condition["when"], answers):
            continue
        if "unless" in condition and any_holds(condition["unless"], answers):
            continue
        related.append(related_condition(condition, scored["reasons"]))
    return related


def assess(content, answers, index=None, region=None):
    """Score valid answers against the content: triage, red flags, ranked triggers, related conditions.

    `index` is the bundle's `build_index`, built once when it was loaded; without it, it is built here.
    `region` is an upper-case ISO 3166-1 alpha-2 code, or None: it picks the numbers in `triage.calls`."""
    index = index or build_index(content)
    flags = red_flags(content, answers, index)
    cautions = active_cautions(content, answers)
    country = region_of(content, region)
    level = index["level"][triage_level(content, flags)]
    return {
        "content_version": content["version"],
        "region": country["id"] if country else None,
        "triage": triage(level, cautions, calls(content, level, country)),
        "red_flags": flags,
        "triggers": ranked_triggers(content, answers, first_triggers(content, flags), cautions, index),
        "related_conditions": related_conditions(content, answers),
        "disclaimer": content["disclaimer"],
    }
