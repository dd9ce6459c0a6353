"""Human summaries for the terminal: what a database holds, and evaluation scores."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table
from rich.text import Text

from casus.evaluate import Evaluation
from casus.events.ontology import lookup
from casus.store import EventFilter, Store


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", header_style="bold")
    for column in columns:
        table.add_column(column)
    return table


def _party_name(side: dict | None) -> str | None:
    return (side or {}).get("name") or (side or {}).get("text") if side else None


def print_summary(store: Store, console: Console, top: int = 10) -> None:
    counts = store.counts()
    events = list(store.iter_events(EventFilter(dataset="casus")))
    negated = store.count_events(EventFilter(include_negated=True, dataset="casus")) - len(events)
    console.print(Text(
        f"{counts['documents']} documents, {counts['sentences']} sentences, "
        f"{counts['mentions']} actor mentions, {len(events)} events "
        f"(+{negated} negated, kept for audit)"
    ))
    imported = store.con.execute(
        "SELECT dataset, count(*) FROM events WHERE dataset <> 'casus' GROUP BY 1 ORDER BY 1"
    ).fetchall()
    if imported:
        console.print(Text("imported, not counted below: " + ", ".join(
            f"{n} {dataset} events" for dataset, n in imported)))
    actors: Counter[str] = Counter()
    roots: Counter[str] = Counter()
    dyads: Counter[tuple[str, str]] = Counter()
    for e in events:
        source, target = (_party_name(side) for side in (e["source"], e["target"]))
        actors.update(n for n in (source, target) if n)
        roots[e["cameo_root"]] += 1
        if source and target:
            dyads[(source, target)] += 1
    table = _table(f"Top {top} actors in events", "actor", "events")
    for name, n in actors.most_common(top):
        table.add_row(Text(name), str(n))
    console.print(table)
    table = _table("Events by CAMEO root", "root", "label", "events")
    for root, n in sorted(roots.items()):
        table.add_row(root, lookup(root).label, str(n))
    console.print(table)
    table = _table(f"Top {top} dyads", "source", "target", "events")
    for (a, b), n in dyads.most_common(top):
        table.add_row(Text(a), Text(b), str(n))
    console.print(table)


def print_evaluation(result: Evaluation, console: Console) -> None:
    table = _table(f"Events vs gold ({result.docs} documents)", "level", "tp", "fp", "fn",
                   "precision", "recall", "F1")
    rows = [("root", result.root), ("dyad+root", result.dyad)]
    rows += [(f"root {k}", v) for k, v in sorted(result.per_root.items())]
    for name, s in rows:
        table.add_row(name, str(s.tp), str(s.fp), str(s.fn), f"{s.precision:.3f}",
                      f"{s.recall:.3f}", f"{s.f1:.3f}")
    console.print(table)
    console.print(Text(
        f"non-facts in gold (negated/future/hypothetical/conditional): {result.gold_nonfacts}; "
        f"coded as facts: {result.false_facts}"
    ))
    for name, acc in (("date", result.date), ("code", result.code),
                      ("location", result.location)):
        console.print(Text(f"{name} right on matched events: {acc.right}/{acc.total}"
                           + (f" ({acc.rate:.1%})" if acc.total else "")))
