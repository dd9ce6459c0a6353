"""PETRARCH's own validation suite, coded by casus with the suite's dictionaries.

Each record's text is analysed by ``casus.analyse`` with its date as the article date,
the ``validate_2015`` folder (actors, agents, discards and verbs) as its dictionaries,
the verbs coding instead of casus's own lexicon (the suite tests those dictionaries'
patterns, not casus's), and the record's ``require_dyad`` setting. casus parses the text
itself with spaCy; the suite's Treebank parses are not used. Reports, per category and
overall: records whose expected event set is matched exactly (source code, target code,
event code; every coded record counts, negated or not, as PETRARCH has no negation of
its own: its patterns code it), records wrongly given events where none are expected,
and expected errors caught (no event from a record the coder must reject). Ends with
``exact: N/M (P%)``.

    .venv/bin/python benchmarks/petrarch_suite.py [--suite ../shared/eval/petrarch]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", type=Path, default=ROOT.parent / "shared" / "eval" / "petrarch")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    records_path = args.suite / "PETR.UnitTest.records.jsonl"
    if not records_path.exists():
        print(f"no suite at {records_path}", file=sys.stderr)
        return 2
    import casus

    dictionaries = [args.suite / "dictionaries" / "validate_2015"]
    records = [json.loads(line) for line in records_path.read_text("utf-8").splitlines()]
    records = records[: args.limit] if args.limit else records
    tally: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    started = time.perf_counter()
    for record in records:
        require_dyad = str(record["config"].get("require_dyad", "true")).lower() == "true"
        events = casus.analyse(record["text"], published=record["date"],
                               dictionaries=dictionaries, verbs="instead",
                               require_dyad=require_dyad)
        got = {((e["source"] or {}).get("code") or "---",
                (e["target"] or {}).get("code") or "---", e["cameo"]) for e in events}
        negated = any(e["negated"] for e in events)
        expected = {(x["source"], x["target"], x["code"]) for x in record["expected_events"]}
        row = tally[record["category"]]
        row["records"] += 1
        if record.get("expected_error"):
            row["errors"] += 1
            row["errors caught"] += not got
            row["exact"] += not got
        elif record.get("expect_no_events"):
            row["no-event"] += 1
            row["wrongly given events"] += bool(got)
            row["exact"] += not got
        else:
            row["exact"] += got == expected
            row["exact with negated"] += got == expected and negated
    elapsed = time.perf_counter() - started
    total = defaultdict(int)
    print(f"{'category':<10} {'records':>7} {'exact':>6} {'no-event wrong':>15} "
          f"{'errors caught':>14}")
    for category in sorted(tally):
        row = tally[category]
        for key, value in row.items():
            total[key] += value
        print(f"{category:<10} {row['records']:>7} {row['exact']:>6} "
              f"{row['wrongly given events']:>6}/{row['no-event']:<8} "
              f"{row['errors caught']:>6}/{row['errors']:<7}")
    print(f"{len(records)} records in {elapsed:.1f}s "
          f"({total['wrongly given events']} of {total['no-event']} no-event records given "
          f"events; {total['errors caught']} of {total['errors']} expected errors caught)")
    print(f"{total['exact with negated']} exact records include an event casus marks negated "
          "(the suite's negation patterns code it, e.g. CLASH with &NEGATVAUXVRB)")
    print(f"exact: {total['exact']}/{total['records']} "
          f"({100 * total['exact'] / max(total['records'], 1):.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
