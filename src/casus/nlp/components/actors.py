"""The ``casus_actors`` component: sets ``doc._.casus_mentions``.

Registered name: "casus.ActorRecognizer.v1" (factory ``casus_actors``). Runs after
spaCy's ``ner``; the logic lives in :mod:`casus.actors.mentions`, this only adapts it.
Matchers and indexes are built once here, not per document.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from casus.actors.dictionary import default_dictionary
from casus.actors.mentions import MentionFinder


def _phrases(phrases: set[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


class ActorRecognizer:
    """Finds and resolves actor mentions; see casus.actors.mentions. Also marks what a
    dictionary's discard phrases rule out (``doc._.casus_discards``)."""

    def __init__(self, nlp: Language, name: str, dictionaries: list[str]) -> None:
        self.name = name
        dictionary = default_dictionary(tuple(dictionaries))
        self.finder = MentionFinder(nlp.vocab, dictionary)
        self.discard_sentence = _phrases(dictionary.discard_sentence)
        self.discard_story = _phrases(dictionary.discard_story)

    def __call__(self, doc: Doc) -> Doc:
        doc._.casus_mentions = self.finder(doc, doc._.casus_published)
        doc._.casus_discards = self._discards(doc)
        return doc

    def _discards(self, doc: Doc) -> list[tuple[int, int]]:
        if self.discard_story is not None and self.discard_story.search(doc.text):
            return [(0, len(doc.text))]
        if self.discard_sentence is None:
            return []
        return [(s.start_char, s.end_char) for s in doc.sents
                if self.discard_sentence.search(s.text)]


@Language.factory(
    "casus_actors",
    default_config={"dictionaries": []},
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.casus_mentions"],
)
def make_actor_recognizer(nlp: Language, name: str, dictionaries: list[str]) -> ActorRecognizer:
    """casus.ActorRecognizer.v1: dictionaries are extra YAML folders (docs/dictionaries.md)."""
    from casus.nlp.extensions import register_extensions

    register_extensions()
    return ActorRecognizer(nlp, name, list(dictionaries))
