"""``casus_petrarch_verbs``: code events with a user's PETRARCH verbs dictionary.

Registered as the spaCy factory ``casus_petrarch_verbs``; put it **after**
``casus_events`` (and ``casus_dates``). Added by casus's own pipeline when a dictionary
folder holds a ``*.verbs.txt``. ``mode`` says how its events meet casus's:

- ``beside`` (default): the dictionary codes the verbs it knows, casus's lexicon the
  rest; where both coded one verb, the dictionary's event is kept;
- ``instead``: only the dictionary's events (as PETRARCH would code the text).

``require_dyad`` keeps only events with both a source and a target (PETRARCH's own
setting of that name); otherwise a missing party is coded ``---``.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from casus.errors import ConfigError
from casus.events.lexicon import load_lexicon
from casus.events.petrarch_coder import PetrarchDictionaries
from casus.events.petrarch_records import coded_events
from casus.nlp.extensions import register_extensions

MODES = ("beside", "instead")


class PetrarchVerbCoder:
    """Adds (or substitutes) the dictionary's events in ``doc._.casus_events``."""

    def __init__(self, name: str, dics: PetrarchDictionaries, mode: str, require_dyad: bool,
                 max_events: int) -> None:
        self.name = name
        self.dics = dics
        self.mode = mode
        self.require_dyad = require_dyad
        self.max_events = max_events
        self.speech_lemmas = load_lexicon().speech_lemmas

    def __call__(self, doc: Doc) -> Doc:
        mine = coded_events(doc, self.dics, require_dyad=self.require_dyad,
                            speech_lemmas=self.speech_lemmas, doc_id=doc._.casus_doc_id or "")
        discards = doc._.casus_discards or []
        mine = [e for e in mine if not any(s <= e.char_start < t for s, t in discards)]
        theirs = list(doc._.casus_events or []) if self.mode == "beside" else []
        coded = {e.trigger_start for e in mine}
        events = mine + [e for e in theirs if e.trigger_start not in coded]
        events.sort(key=lambda e: (e.char_start, e.trigger_start or 0))
        doc._.casus_events = events[: self.max_events]
        if len(events) >= self.max_events:
            doc._.casus_events_capped = self.max_events
        return doc


@Language.factory(
    "casus_petrarch_verbs",
    default_config={"dictionaries": [], "mode": "beside", "require_dyad": True,
                    "max_events": 2000},
    requires=["token.dep", "token.pos", "doc.sents"],
    assigns=["doc._.casus_events"],
)
def make_petrarch_verb_coder(nlp: Language, name: str, dictionaries: list[str], mode: str,
                             require_dyad: bool, max_events: int) -> PetrarchVerbCoder:
    """Build the coder from the folders' PETRARCH files (one needs a ``*.verbs.txt``)."""
    register_extensions()
    if mode not in MODES:
        raise ConfigError(f"verbs mode must be one of {', '.join(MODES)}, got {mode!r}")
    dics = PetrarchDictionaries.from_folders([Path(f) for f in dictionaries])
    if dics is None:
        raise ConfigError("casus_petrarch_verbs needs a folder with a *.verbs.txt file",
                          origin=", ".join(dictionaries) or "(no folder)")
    return PetrarchVerbCoder(name, dics, mode, require_dyad, max_events)
