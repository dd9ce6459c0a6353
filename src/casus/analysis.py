"""From cleaned documents to records: the spaCy pipeline run over a stream of documents."""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from casus import __version__
from casus.clean.language import foreign_spans
from casus.config import DATA_DIR, Settings
from casus.nlp.pipeline import load_pipeline
from casus.records import Document, Event, Mention, Sentence


@dataclass
class Analysis:
    """Everything casus learned from one document, ready to store or print."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # e.g. the event cap was reached


@lru_cache(maxsize=1)
def _data_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(DATA_DIR).rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(DATA_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def analysis_version(settings: Settings) -> str:
    """What the analysis depends on besides the text: code, model and data files."""
    version = f"{__version__}|{settings.model}|{settings.dictionaries}|{_data_digest()[:16]}"
    if settings.dictionaries:  # how a PETRARCH verbs file in them is used
        version += f"|{settings.verbs}|{settings.require_dyad}"
    return version


def fingerprint(doc: Document, settings: Settings) -> str:
    """Changes exactly when re-analysing the document could change its records."""
    meta = json.dumps(
        [doc.title, doc.source, doc.url, str(doc.published), doc.published_from, doc.origin],
        ensure_ascii=False,
    )
    payload = "\x1f".join([doc.text, meta, analysis_version(settings)])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class Analyser:
    """Runs the casus pipeline; load once, feed many documents."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()
        self.nlp = load_pipeline(self.settings)

    def _make_doc(self, document: Document) -> Doc:
        doc = self.nlp.make_doc(document.text)
        doc._.casus_doc_id = document.doc_id
        doc._.casus_published = document.published
        doc._.casus_source = document.source
        return doc

    def analyse(self, documents: Iterable[Document],
                on_error: Callable[[Document, Exception], None] | None = None
                ) -> Iterator[Analysis]:
        """Analyse a stream of documents lazily, in bounded batches, in input order.

        A document the pipeline fails on goes to ``on_error`` and the stream goes on;
        without ``on_error`` the failure is raised. spaCy's own ``set_error_handler``
        is not enough here: it skips only the failing component, so the document
        would come out half-analysed.
        """
        source = iter(documents)
        pending: deque[Document] = deque()

        def feed() -> Iterator[Doc]:
            while True:
                try:
                    document = next(source)
                except StopIteration:
                    return
                except Exception as exc:  # the caller's input, not the pipeline, failed
                    raise _SourceFailed from exc
                pending.append(document)
                yield self._make_doc(document)

        while True:
            try:
                for doc in self.nlp.pipe(feed(), batch_size=self.settings.batch_size):
                    analysis = to_analysis(pending[0], doc)
                    pending.popleft()
                    yield analysis
                return
            except _SourceFailed as exc:
                raise exc.__cause__ from None  # type: ignore[misc]
            except Exception:
                if on_error is None:
                    raise
            # The batch in flight is lost with the failure: redo it one document at a
            # time, so only the document at fault is refused, then resume batching.
            while pending:
                document = pending[0]
                try:
                    analysis = to_analysis(document, self.nlp(self._make_doc(document)))
                except Exception as exc:
                    pending.popleft()
                    on_error(document, exc)
                    continue
                pending.popleft()
                yield analysis

    def analyse_one(self, document: Document) -> Analysis:
        return next(iter(self.analyse([document])))


class _SourceFailed(Exception):
    """Carries an exception raised by the documents' iterator through ``nlp.pipe``."""


def to_analysis(document: Document, doc: Doc) -> Analysis:
    """Collect a processed Doc's records, leaving out anything inside foreign-script text."""
    foreign = foreign_spans(document.text)

    def outside(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in foreign)

    sentences = []
    for i, sent in enumerate(doc.sents):
        text = sent.text.rstrip()  # a sentence ending a paragraph carries the break
        sentences.append(Sentence(i, sent.start_char, sent.start_char + len(text), text))
    mentions = [m for m in (doc._.casus_mentions or []) if outside(m.char_start, m.char_end)]
    events: list[Event] = []
    seen: set[str] = set()
    for event in doc._.casus_events or []:
        trigger_at = event.trigger_start if event.trigger_start is not None else event.char_start
        if event.event_id in seen or not outside(trigger_at, trigger_at + 1):
            continue
        seen.add(event.event_id)
        events.append(event)
    document.n_events = sum(1 for e in events if not e.negated)
    window = doc._.casus_date_window if doc.has_extension("casus_date_window") else None
    document.date_window = window.to_dict() if window is not None else None
    warnings = []
    if doc.has_extension("casus_events_capped") and doc._.casus_events_capped:
        warnings.append(f"events capped at {doc._.casus_events_capped} "
                        "(max_events_per_document); the rest of the text was not coded")
    return Analysis(document, sentences, mentions, events, warnings)
