"""From cleaned documents to records: the spaCy pipeline run over a stream of documents."""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Iterable, Iterator
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
    return f"{__version__}|{settings.model}|{settings.dictionaries}|{_data_digest()[:16]}"


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
        return doc

    def analyse(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        """Analyse a stream of documents lazily, in bounded batches, in input order."""
        pending: deque[Document] = deque()

        def feed() -> Iterator[Doc]:
            for document in documents:
                pending.append(document)
                yield self._make_doc(document)

        for doc in self.nlp.pipe(feed(), batch_size=self.settings.batch_size):
            yield to_analysis(pending.popleft(), doc)

    def analyse_one(self, document: Document) -> Analysis:
        return next(iter(self.analyse([document])))


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
    return Analysis(document, sentences, mentions, events)
