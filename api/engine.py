"""The assessment engine: pure functions of (content, answers), no Flask and no I/O.

The JavaScript engine (frontend/js/engine.js) follows this file step by step;
tests/vectors/assessments.json holds both to the same results.
"""

from operator import is_

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
        index["plan"] = _plan(content, index)
        if len(_indexes) >= MAX_INDEXES:
            _indexes.clear()  # bounded: old contents go; each language's stays while it is served
        _indexes[content["version"]] = index
    return index


# The plan: the same steps as the functions below, compiled once per content. The answers become one integer
# with a bit per option (in content order), and each rule a small function of it, so an assessment tests bits
# instead of walking rules. Everything in a result that does not depend on the answers (a raised flag, a reason,
# a tip without cautions, a triage level without cautions) is built once and shared by every result: results are
# read, never changed. Answers the plan does not know (an id outside the questionnaire) take the functions below.

def _rule_code(rule, bits):
    """A rule as a Python expression of the answers' bits `m`, with the same meaning as `any_holds`."""
    def test_code(test):
        question_bits = bits.get(test["question"], {})
        every = sum(question_bits.values())

        def of(ids):
            return sum({question_bits.get(i, 0) for i in ids})
        if "includes_any" in test:
            return f"(m & {of(test['includes_any'])} != 0)"
        if "includes_other_than" in test:
            return f"(m & {every & ~of(test['includes_other_than'])} != 0)"
        if "includes_none" in test:
            return f"(m & {of(test['includes_none'])} == 0)"
        if "unanswered" in test:
            return f"(m & {every} == 0)"
        least = test["count_at_least"]
        if type(least) not in (int, float):
            raise ValueError(f"count_at_least must be a number, not {least!r}")
        return f"((m & {every}).bit_count() >= {least!r})"

    def entry_code(entry):
        if "all" in entry:
            return "(" + " and ".join([test_code(test) for test in entry["all"]] or ["True"]) + ")"
        return test_code(entry)
    return "(" + (" or ".join(entry_code(entry) for entry in rule) or "False") + ")"


def _compiled(code):
    """`code`, made here of integers and operators (nothing of the content's text), as a function."""
    return eval(code, {"__builtins__": {}})  # noqa: S307


def _scan(rules, bits):
    """One function of `m` for a list of (rule, key, value): the {key: value} of the rules that hold, in order.
    Keys and values stay out of the code (K[n], V[n])."""
    lines = ["def scan(m):", "    held = {}"]
    lines += [f"    if {_rule_code(rule, bits)}:\n        held[K[{n}]] = V[{n}]"
              for n, (rule, _, _) in enumerate(rules)]
    namespace = {"__builtins__": {}, "K": [key for _, key, _ in rules], "V": [value for *_, value in rules]}
    exec("\n".join([*lines, "    return held"]), namespace)  # noqa: S102
    return namespace["scan"]


def _plan(content, index):
    questions = content["questionnaire"]["questions"]
    bits, adds, bit = {}, {}, 1
    for question in questions:
        for option in question["options"]:
            bits.setdefault(question["id"], {})[option["id"]] = bit
            bit <<= 1
            for field in ("triggers", "conditions"):
                for target, weight in option.get(field, {}).items():
                    text = option.get("reasons", {}).get(target, option["reason"])
                    reason = {"question": question["id"], "option": option["id"], "text": text}
                    adds.setdefault(bits[question["id"]][option["id"]], []).append(
                        (field == "triggers", target, weight, reason))
    rule = lambda r: _compiled("lambda m: " + _rule_code(r, bits))  # noqa: E731
    rank = index["rank"]
    flags = sorted(enumerate(content["red_flags"]), key=lambda pair: (rank[pair[1]["level"]], pair[0]))
    cautions = [(c["when"], c["id"], {"id": c["id"], "text": c["text"]}) for c in content["cautions"]]
    shared_tips = {t["id"]: t for tips in index["tips"].values() for t in tips}
    tips = {}
    for trigger_id in index["personal"]:
        own = [index["tip"][shown["id"]] for shown in index["tips"][trigger_id]]
        # Whether anything could change this trigger's tips for this person: a tip hidden or put first, or a
        # caution line added. When nothing does, its tips are the shared list.
        changing = [tip[field] for tip in own for field in ("hide_when", "first_when") if field in tip]
        changing += [c["when"] for c in content["cautions"] if any(c["id"] in tip.get("cautions", ()) for tip in own)]
        tips[trigger_id] = (rule([entry for rule_ in changing for entry in rule_]), [
            (shared_tips[tip["id"]], tuple(tip.get("cautions", ())),
             rule(tip["hide_when"]) if "hide_when" in tip else None,
             rule(tip["first_when"]) if "first_when" in tip else None) for tip in own])
    levels = {}
    for level in content["triage_levels"]:
        head = {"level": level["id"], "title": level["title"], "advice": level["advice"], "how_soon": level["how_soon"]}
        levels[level["id"]] = (head, {**head, "cautions": []}, tuple(level.get("cautions", ())))
    flag_results = [{"id": flag["id"], "level": flag["level"], "title": flag["title"], "advice": flag["advice"]}
                    for _, flag in flags]
    return {
        "flag_results": flag_results,
        "caution_results": [shown for *_, shown in cautions],
        "bits": bits,
        "adds": adds,  # option bit -> what picking it adds
        # Most urgent first, content order within a level: the order `red_flags` sorts them into.
        "flags": _scan([(flag["when"], n, shown) for n, ((_, flag), shown) in enumerate(zip(flags, flag_results))],
                       bits),  # m -> {n: raised flag}
        "first": {n: flag["first_trigger"] for n, (_, flag) in enumerate(flags) if "first_trigger" in flag},
        "cautions": _scan(cautions, bits),
        "levels": levels,
        "least_urgent": content["triage_levels"][-1]["id"],
        "triggers": [(t["id"], t["title"], rule(t["when"]) if "when" in t else None) for t in content["triggers"]],
        "conditions": [(c, rule(c["when"]) if "when" in c else None, rule(c["unless"]) if "unless" in c else None)
                       for c in content["conditions"]],
        # The personal triggers': (whether anything may change, [(shared result, caution ids, hide_when, first_when)])
        "tips": tips,
        "shared": index["tips"],
    }


def shared_parts(content):
    """Every part of a result that is the same object in every result that has it (built once per content):
    whoever writes results out may write each of these once."""
    plan = _index(content)["plan"]
    tips = [tip for tips in plan["shared"].values() for tip in tips]
    return [*plan["flag_results"], *(reason for targets in plan["adds"].values() for *_, reason in targets),
            *plan["caution_results"], *(full for _, full, _ in plan["levels"].values()), *tips,
            *plan["shared"].values()]


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
        related.append(related_condition(condition, reasons))
    return related


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


def first_triggers(content, raised_flags):
    """The triggers that raised flags put first (stopping heavy drinking puts alcohol first)."""
    raised = {flag["id"] for flag in raised_flags}
    return {f["first_trigger"] for f in content["red_flags"] if f["id"] in raised and "first_trigger" in f}


def assess(content, answers):
    """Score valid answers against the content: triage, red flags, ranked triggers, related conditions.

    The steps of the functions above, on the plan built once per content (see `_plan`)."""
    plan = _index(content)["plan"]
    m = _answer_bits(plan["bits"], answers)
    if m is None:
        return _assess_stepwise(content, answers)
    raised = plan["flags"](m)  # most urgent first
    flags = list(raised.values())
    first = {plan["first"][n] for n in raised if n in plan["first"]}
    cautions = plan["cautions"](m)
    totals = {}, {}  # triggers, conditions: id -> [total, reasons]
    adds, rest = plan["adds"], m
    while rest:  # the bits picked, lowest first: questions and options in content order
        bit = rest & -rest
        rest ^= bit
        for to_trigger, target, weight, reason in adds.get(bit, ()):
            entry = totals[0 if to_trigger else 1].setdefault(target, [0, []])
            entry[0] += weight
            entry[1].append(reason)
    head, bare, wanted = plan["levels"][flags[0]["level"] if flags else plan["least_urgent"]]
    shown = [cautions[c] for c in wanted if c in cautions]
    return {
        "content_version": content["version"],
        "triage": {**head, "cautions": shown} if shown else bare,
        "red_flags": flags,
        "triggers": _ranked(content, plan, m, totals[0], first, cautions),
        "related_conditions": _related(plan, m, totals[1]),
        "disclaimer": content["disclaimer"],
    }


def _answer_bits(bits, answers):
    """The answers as one integer, a bit per option picked; None for anything the questionnaire does not know."""
    m = 0
    for question_id, answer in answers.items():
        options = bits.get(question_id)
        if options is None:
            return None
        if answer is None:
            continue
        if type(answer) is str:
            answer = (answer,)
        elif type(answer) not in (list, tuple):
            return None
        for option_id in answer:
            bit = options.get(option_id) if type(option_id) is str else None
            if bit is None:
                return None
            m |= bit
    return m


def _ranked(content, plan, m, totals, first, cautions):
    scale = content["score_scale"]
    weak = _index(content)["weak"]
    ranked = []
    for trigger_id, title, when in plan["triggers"]:
        total, reasons = totals.get(trigger_id, (0, ()))
        if total <= 0 or (when is not None and not when(m)):
            continue
        ranked.append({"id": trigger_id, "title": title, "score": min(total, scale) / scale, "reasons": reasons,
                       "tips": _tips(plan, trigger_id, m, cautions)})
    ranked.sort(key=lambda trigger: (trigger["id"] not in first, trigger["id"] in weak, -trigger["score"]))
    return ranked


def _tips(plan, trigger_id, m, cautions):
    personal = plan["tips"].get(trigger_id)
    if personal is None or not personal[0](m):
        return plan["shared"].get(trigger_id, [])
    first, rest = [], []
    for shared, wanted, hide_when, first_when in personal[1]:
        if hide_when is not None and hide_when(m):
            continue
        lines = [cautions[c] for c in wanted if c in cautions]
        shown = {**shared, "cautions": lines} if lines else shared
        (first if first_when is not None and first_when(m) else rest).append(shown)
    fitted = first + rest
    shared = plan["shared"][trigger_id]
    # Nothing changed for this person: the shared list itself, which the API has written out already.
    return shared if len(fitted) == len(shared) and all(map(is_, fitted, shared)) else fitted


def _related(plan, m, totals):
    related = []
    for condition, when, unless in plan["conditions"]:
        total, reasons = totals.get(condition["id"], (0, ()))
        if total <= 0 or (when is not None and not when(m)) or (unless is not None and unless(m)):
            continue
        related.append(related_condition(condition, reasons))
    return related


def _assess_stepwise(content, answers):
    """`assess` step by step on the content itself, for answers the plan does not know."""
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
