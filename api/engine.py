"""The assessment engine: pure functions of (content, answers), no Flask and no I/O.

The JavaScript engine (frontend/js/engine.js) follows this file step by step;
tests/vectors/assessments.json holds both to the same results.
"""

_indexes = {}  # content version -> lookups built once per content, not per assessment (one per language)
MAX_INDEXES = 8  # a few languages, and a new content beside the old while a process reloads


def picked(answer):
    """The option ids of one answer: a single id, a list of ids, or nothing."""
    if answer is None:
        return frozenset()
    if isinstance(answer, str):
        return frozenset((answer,))
    return frozenset(answer)


def chosen_options(answers):
    """Question id -> the set of option ids picked, read once per assessment."""
    return {question_id: picked(answer) for question_id, answer in answers.items()}


def test_holds(test, chosen):
    """Whether one test on one answer holds (see content/GUIDELINES.md for the kinds)."""
    options = chosen.get(test["question"], frozenset())
    if "includes_any" in test:
        return not options.isdisjoint(test["includes_any"])
    if "includes_other_than" in test:
        return not options.issubset(test["includes_other_than"])
    if "includes_none" in test:
        return options.isdisjoint(test["includes_none"])
    if "unanswered" in test:
        return not options
    return len(options) >= test["count_at_least"]


def entry_holds(entry, chosen):
    """One alternative of a rule: a single test, or `all` of several tests."""
    if "all" in entry:
        return all(test_holds(test, chosen) for test in entry["all"])
    return test_holds(entry, chosen)


def any_holds(rule, chosen):
    """A rule (red flag `when`, trigger `when`, condition `unless`, caution `when`...) holds when any entry does."""
    return any(entry_holds(entry, chosen) for entry in rule)


def _index(content):
    index = _indexes.get(content["version"])
    if index is None:
        levels = content["triage_levels"]
        tips, personal = {}, set()
        for tip in content["tips"]:
            tips.setdefault(tip["trigger"], []).append(tip_result(tip, ()))
            if any(field in tip for field in ("cautions", "hide_when", "first_when")):
                personal.add(tip["trigger"])
        index = {
            "rank": {level["id"]: n for n, level in enumerate(levels)},
            "level": {level["id"]: level for level in levels},
            "tips": tips,
            "personal": personal,  # triggers with a tip that depends on the answers
            "weak": {t["id"] for t in content["triggers"] if t.get("evidence") == "weak"},
            "tip": {tip["id"]: tip for tip in content["tips"]},
        }
        if len(_indexes) >= MAX_INDEXES:
            _indexes.clear()  # bounded: old contents go; each language's stays while it is served
        _indexes[content["version"]] = index
    return index


def trigger_tips(content):
    """Each trigger's tips as they appear in a result for anybody, by trigger id (built once per content)."""
    return _index(content)["tips"]


def tip_result(tip, cautions):
    """A tip as it appears in a result, with the caution lines that fit the person."""
    return {"id": tip["id"], "title": tip["title"], "text": tip["do"], "how_long": tip["how_long"],
            "expect": tip["expect"], "cautions": [{"id": c["id"], "text": c["text"]} for c in cautions]}


def active_cautions(content, chosen):
    """Caution id -> caution, for the cautions whose `when` holds for these answers."""
    return {c["id"]: c for c in content["cautions"] if any_holds(c["when"], chosen)}


def tips_for(content, trigger_id, chosen, cautions):
    """A trigger's tips for this person: unfitting ones left out, fitting ones first, cautions added."""
    index = _index(content)
    if trigger_id not in index["personal"]:
        return index["tips"].get(trigger_id, [])  # the shared list: the API serializes it once per content
    first, rest = [], []
    for tip in (index["tip"][t["id"]] for t in index["tips"][trigger_id]):
        if "hide_when" in tip and any_holds(tip["hide_when"], chosen):
            continue
        shown = tip_result(tip, [cautions[c] for c in tip.get("cautions", ()) if c in cautions])
        (first if "first_when" in tip and any_holds(tip["first_when"], chosen) else rest).append(shown)
    return first + rest


def red_flags(content, chosen):
    """The warning signs raised by the answers, most urgent first (content order within a level)."""
    rank = _index(content)["rank"]
    raised = [flag for flag in content["red_flags"] if any_holds(flag["when"], chosen)]
    raised.sort(key=lambda flag: rank[flag["level"]])
    return [{"id": f["id"], "level": f["level"], "title": f["title"], "advice": f["advice"]} for f in raised]


def triage_level(content, raised_flags):
    """The most urgent level among the raised red flags; the least urgent level when none is."""
    if raised_flags:
        return raised_flags[0]["level"]
    return content["triage_levels"][-1]["id"]


def contributions(content, chosen):
    """Each trigger's and condition's weight total and reasons, walking questions and options in content order."""
    totals = {"triggers": {}, "conditions": {}}
    for question in content["questionnaire"]["questions"]:
        options = chosen.get(question["id"])
        if not options:
            continue
        for option in question["options"]:
            if option["id"] not in options:
                continue
            for field in ("triggers", "conditions"):
                for target, weight in option.get(field, {}).items():
                    entry = totals[field].setdefault(target, [0, []])
                    entry[0] += weight
                    text = option.get("reasons", {}).get(target, option["reason"])
                    entry[1].append({"question": question["id"], "option": option["id"], "text": text})
    return totals


def ranked_triggers(content, chosen, totals, first, cautions):
    """Triggers with a score, highest first, ties in content order; those a raised flag names come first and
    those the content calls weak evidence after the rest. Each with reasons and the tips that fit."""
    scale = content["score_scale"]
    ranked = []
    for trigger in content["triggers"]:
        total, reasons = totals.get(trigger["id"], (0, []))
        if total <= 0 or ("when" in trigger and not any_holds(trigger["when"], chosen)):
            continue
        ranked.append({
            "id": trigger["id"],
            "title": trigger["title"],
            "score": min(total, scale) / scale,
            "reasons": reasons,
            "tips": tips_for(content, trigger["id"], chosen, cautions),
        })
    weak = _index(content)["weak"]
    # First what a raised flag names, then well-sourced before weak evidence, then by score; stable: ties keep content order.
    ranked.sort(key=lambda trigger: (trigger["id"] not in first, trigger["id"] in weak, -trigger["score"]))
    return ranked


def related_conditions(content, chosen, totals):
    """Conditions worth mentioning to a doctor, in content order; information, never a diagnosis."""
    related = []
    for condition in content["conditions"]:
        total, reasons = totals.get(condition["id"], (0, []))
        if total <= 0:
            continue
        if "when" in condition and not any_holds(condition["when"], chosen):
            continue
        if "unless" in condition and any_holds(condition["unless"], chosen):
            continue
        related.append({
            "id": condition["id"],
            "title": condition["title"],
            "calm": condition["calm"],
            "reason": " ".join(reason["text"] for reason in reasons),
            "mention": condition["mention"],
            "reassurance": condition.get("reassurance", []),
        })
    return related


def first_triggers(content, raised_flags):
    """The triggers that raised flags put first (stopping heavy drinking puts alcohol first)."""
    raised = {flag["id"] for flag in raised_flags}
    return {f["first_trigger"] for f in content["red_flags"] if f["id"] in raised and "first_trigger" in f}


def assess(content, answers):
    """Score valid answers against the content: triage, red flags, ranked triggers, related conditions."""
    chosen = chosen_options(answers)
    flags = red_flags(content, chosen)
    totals = contributions(content, chosen)
    cautions = active_cautions(content, chosen)
    level = _index(content)["level"][triage_level(content, flags)]
    return {
        "content_version": content["version"],
        "triage": {"level": level["id"], "title": level["title"], "advice": level["advice"],
                   "how_soon": level["how_soon"],
                   "cautions": [{"id": c, "text": cautions[c]["text"]} for c in level.get("cautions", ()) if c in cautions]},
        "red_flags": flags,
        "triggers": ranked_triggers(content, chosen, totals["triggers"], first_triggers(content, flags), cautions),
        "related_conditions": related_conditions(content, chosen, totals["conditions"]),
        "disclaimer": content["disclaimer"],
    }
