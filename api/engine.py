"""The assessment engine: pure functions of (content, answers), no Flask and no I/O.

The JavaScript engine (frontend/js/engine.js) follows this file step by step;
tests/vectors/assessments.json holds both to the same results.
"""

_indexes = {}  # content version -> lookups built once per content, not per assessment


def picked(answer):
    """The option ids of one answer: a single id, a list of ids, or nothing."""
    if answer is None:
        return ()
    if isinstance(answer, str):
        return (answer,)
    return tuple(answer)


def test_holds(test, answers):
    """Whether one content test (red flag `when`, trigger `when`, condition `unless`) holds."""
    options = picked(answers.get(test["question"]))
    if "includes_any" in test:
        return any(option in test["includes_any"] for option in options)
    if "includes_other_than" in test:
        return any(option not in test["includes_other_than"] for option in options)
    return len(options) >= test["count_at_least"]


def any_holds(tests, answers):
    return any(test_holds(test, answers) for test in tests)


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


def red_flags(content, answers):
    """The warning signs raised by the answers, most urgent first (content order within a level)."""
    rank = _index(content)["rank"]
    raised = [flag for flag in content["red_flags"] if any_holds(flag["when"], answers)]
    raised.sort(key=lambda flag: rank[flag["level"]])
    return [{"id": f["id"], "level": f["level"], "title": f["title"], "advice": f["advice"]} for f in raised]


def triage_level(content, raised_flags):
    """The most urgent level among the raised red flags; the least urgent level when none is."""
    if raised_flags:
        return raised_flags[0]["level"]
    return content["triage_levels"][-1]["id"]


def contributions(content, answers, field):
    """Each target's weight total and reasons, walking questions and options in content order."""
    totals = {}
    for question in content["questionnaire"]["questions"]:
        options = picked(answers.get(question["id"]))
        if not options:
            continue
        for option in question["options"]:
            if option["id"] not in options:
                continue
            for target, weight in option.get(field, {}).items():
                total, reasons = totals.setdefault(target, [0, []])
                totals[target][0] = total + weight
                reasons.append({"question": question["id"], "option": option["id"], "text": option["reason"]})
    return totals


def ranked_triggers(content, answers):
    """Triggers with a score, highest first, ties in content order; each with reasons and tips."""
    scale = content["score_scale"]
    totals = contributions(content, answers, "triggers")
    tips = _index(content)["tips"]
    ranked = []
    for trigger in content["triggers"]:
        total, reasons = totals.get(trigger["id"], (0, []))
        if total <= 0 or ("when" in trigger and not any_holds(trigger["when"], answers)):
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


def related_conditions(content, answers):
    """Conditions worth mentioning to a doctor, in content order; information, never a diagnosis."""
    totals = contributions(content, answers, "conditions")
    related = []
    for condition in content["conditions"]:
        total, reasons = totals.get(condition["id"], (0, []))
        if total <= 0:
            continue
        if "when" in condition and not any_holds(condition["when"], answers):
            continue
        if "unless" in condition and any_holds(condition["unless"], answers):
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
    flags = red_flags(content, answers)
    level = _index(content)["level"][triage_level(content, flags)]
    return {
        "content_version": content["version"],
        "triage": {"level": level["id"], "title": level["title"], "advice": level["advice"],
                   "how_soon": level["how_soon"]},
        "red_flags": flags,
        "triggers": ranked_triggers(content, answers),
        "related_conditions": related_conditions(content, answers),
        "disclaimer": content["disclaimer"],
    }
