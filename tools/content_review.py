"""List the sources and content items whose review date is more than 12 months old.

Content may age without breaking CI: this prints what is due and exits 0. It exits 1 only when the content
cannot be read (a malformed date among them), so a typo never hides an item from review.
Run: make content-review (or python tools/content_review.py [--today YYYY-MM-DD] [CONTENT_DIR]).
"""
import argparse
import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from api.content import CONTENT_DIR, ContentError, load_content  # noqa: E402

MAX_AGE_DAYS = 365  # sources and safety rules are read again at least once a year
KINDS = ("sources", "red_flags", "triage_levels", "cautions", "triggers", "tips", "conditions", "faq")


def due(bundle, today):
    """(kind, id, reviewed) for every item with a review date older than MAX_AGE_DAYS, oldest first."""
    items = [(kind, item["id"], item["reviewed"]) for kind in KINDS for item in bundle.get(kind, ()) if "reviewed" in item]
    items += [("guide", s["id"], s["reviewed"]) for s in bundle["guide"]["sections"] if "reviewed" in s]
    regions = bundle["regions"]
    items += [("regions", f"{country['id']} {number['number']}", number["reviewed"]) for country in regions["countries"]
              for number in [*country["emergency"], *([country["health_line"]] if "health_line" in country else [])]]
    items += [("regions", f"fallback {number['number']}", number["reviewed"]) for number in regions["fallback"]["emergency"]]
    limit = today - datetime.timedelta(days=MAX_AGE_DAYS)
    return sorted((i for i in items if datetime.date.fromisoformat(i[2]) < limit), key=lambda i: i[2])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content_dir", nargs="?", default=str(CONTENT_DIR))
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today())
    args = parser.parse_args(argv)
    try:
        bundle = load_content(args.content_dir)
    except ContentError as error:
        print(f"The content cannot be read:\n{error}", file=sys.stderr)
        return 1
    items = due(bundle, args.today)
    for kind, item_id, reviewed in items:
        print(f"{reviewed}  {kind}: {item_id}")
    print(f"{len(items)} due for review (reviewed more than {MAX_AGE_DAYS} days before {args.today})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
