"""The assessment engine: pure functions of (content, answers), no Flask and no I/O.

The JavaScript engine (frontend/js/engine.js) follows this file step by step;
tests/vectors/assessments.json holds both to the same results.
"""

_indexes = {}  # content version -> lookups built once per content, not per assessment


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
    """Whether one content test (red flag `when`, trigger `when`, condition `unless`) holds."""
    options = chosen.get(test["question"], frozenset())
    if "includes_any" in test:
        return not options.isdisjoint(test["includes_any"])
    if "includes_other_than" in test:
        return not options.issubset(test["includes_other_than"])
    return len(options) >= test["count_at_least"]


def any_holds(tests, chosen):
    return any(test_holds(test, chosen) for test in tests)


def _index(content):
    index = _indexes.get(content["version"])
    if index is None:
        levels = content["triage_levels"]
        tips = {}
        for tip in content["tips"]:
            tips.setdefault(tip["trigger"], []).append(
                {"id": tip["id"], "title": tip["title"], "text": tip["do"],
                 "how_long": tip["how_long"], "expect": tip["expect"]})
        index = {
            "rank": {level["id"]: n for n, level in enumerate(levels)},
            "level": {level["id"]: level for level in levels},
            "tips": tips,
        }
        _indexes.clear()  # one content at a time: a new version replaces the old
        _indexes[content["version"]] = index
    return index


def trigger_tips(content):
    """Each trigger's tips as they appear in a result, by trigger id (built once per content)."""
    return _index(content)["tips"]


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
                    entry[1].append({"question": question["id"], "option": option["id"], "text": option["reason"]})
    return totals


def ranked_triggers(content, chosen, totals):
    """Triggers with a score, highest first, ties in content order; each with reasons and tips."""
    scale = content["score_scale"]
    tips = _index(content)["tips"]
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
            "tips": tips.get(trigger["id"], []),
        })
    ranked.sort(key=lambda trigger: -trigger["score"])  # stable: ties keep content order
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
            "reason": " ".join(reason["text"] for reason in reasons),
            "mention": condition["mention"],
            "reassurance": condition.get("reassurance", []),
        })
    return related


def assess(content, answers):
    """Score valid answers against the content: triage, red flags, ranked triggers, related conditions."""
    chosen = chosen_options(answers)
    flags = red_flags(content, chosen)
    totals = contributions(content, chosen)
    level = _index(content)["level"][triage_level(content, flags)]
    return {
        "content_version": content["version"],
        "triage": {"level": level["id"], "title": level["title"], "advice": level["advice"],
                   "how_soon": level["how_soon"]},
        "red_flags": flags,
        "triggers": ranked_triggers(content, chosen, totals["triggers"]),
        "related_conditions": related_conditions(content, chosen, totals["conditions"]),
        "disclaimer": content["disclaimer"],
    }
