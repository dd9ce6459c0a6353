"""Events coded with PETRARCH dictionaries, as casus records with their evidence.

The dictionaries decide the code and the parties; casus adds what it adds to its own
events: the sentence and offsets, the date from the sentence's date mentions, negation,
modality and attribution from the parse (PETRARCH had none: a user's patterns such as
``NOT * RELATIONS`` still code, and the record says it was negated).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc, Span

from casus.events import modality
from casus.events.coder import pick_date
from casus.events.ontology import is_code, lookup
from casus.events.petrarch_coder import NULL, Coded, PetrarchDictionaries, code_sentences
from casus.records import ActorRef, Attribution, Event, stable_id

DICTIONARY_CODE_LABEL = "code from a user's verbs dictionary"


def actor_ref(code: str, text: str) -> ActorRef | None:
    """A PETRARCH code as a party: its first three letters the country or group, the next
    three the role (``CALGOV``); ``---`` alone is no party."""
    if not code or code == NULL:
        return None
    country = code[:3] if code[:3] != NULL else None
    return ActorRef(text=text, actor_id=stable_id("petrarch", code), code=code,
                    country=country, role=code[3:6] or None)


def coded_events(doc: Doc, dics: PetrarchDictionaries, *, require_dyad: bool = True,
                 speech_lemmas: frozenset[str] = frozenset(), doc_id: str = "") -> list[Event]:
    """Every event the dictionaries code in ``doc``, in text order."""
    on = doc._.casus_published
    dates: Sequence[Any] = doc._.casus_dates or []
    starts = {s.start: k for k, s in enumerate(doc.sents)}
    events: list[Event] = []
    for sentence, coded in code_sentences(doc.sents, dics, on, require_dyad):
        quotes = modality.quote_spans(sentence)
        for item in coded:
            events.append(to_event(item, sentence, starts[sentence.start], doc_id, dates,
                                   quotes, speech_lemmas))
    return events


def to_event(item: Coded, sentence: Span, index: int, doc_id: str, dates: Sequence[Any],
             quotes: list[tuple[int, int]], speech_lemmas: frozenset[str]) -> Event:
    verb = item.verb
    reading = modality.read(verb, verb, speech_lemmas, nominal=False)
    source = actor_ref(item.source, item.source_text)
    target = actor_ref(item.target, item.target_text)
    mode = reading.modality
    if reading.speech is not None and mode == "asserted":
        mode = "reported"
    attribution = None
    if reading.speech is not None:
        speaker = reading.speaker
        attribution = Attribution(
            ActorRef(text=speaker.text) if speaker is not None and speaker.pos_ != "PRON"
            else None, modality.is_quoted(verb.idx, quotes))
    date = pick_date(verb, verb, sentence, dates)
    text = sentence.text.rstrip()
    if is_code(item.code):
        entry = lookup(item.code)
        cameo, root, label = entry.code, entry.root, entry.label
        plover, plover_mode = entry.plover, entry.plover_mode
        quad, goldstein = entry.quad_class, entry.goldstein
    else:  # the user's own code (the suite's WEIS-era "1717", "174K")
        cameo, root, label = item.code, item.code[:2], DICTIONARY_CODE_LABEL
        plover, plover_mode, quad, goldstein = None, None, 0, 0.0
    return Event(
        doc_id=doc_id,
        sentence=text,
        sentence_index=index,
        char_start=sentence.start_char,
        char_end=sentence.start_char + len(text),
        cameo=cameo,
        cameo_root=root,
        cameo_label=label,
        plover=plover,
        plover_mode=plover_mode,
        quad_class=quad,
        goldstein=goldstein,
        source=source,
        target=target,
        trigger=item.verb_text,
        trigger_start=verb.idx,
        date=getattr(date, "date", None),
        date_precision=getattr(date, "precision", None),
        date_text=getattr(date, "text", None),
        negated=reading.negated,
        modality=mode,
        attribution=attribution,
        confidence=0.9 if source is not None and target is not None else 0.6,
    )
