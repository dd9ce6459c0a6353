"""The ``casus_actors`` component: sets ``doc._.casus_mentions``.

Registered name: "casus.ActorRecognizer.v1" (factory ``casus_actors``). Runs after
spaCy's ``ner``; the logic lives in :mod:`casus.actors.mentions`, this only adapts it.
Matchers and indexes are built once here, not per document.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from casus.actors.dictionary import default_dictionary
from casus.actors.mentions import MentionFinder


class ActorRecognizer:
    """Finds and resolves actor mentions; see casus.actors.mentions."""

    def __init__(self, nlp: Language, name: str, dictionaries: list[str]) -> None:
        self.name = name
        self.finder = MentionFinder(nlp.vocab, default_dictionary(tuple(dictionaries)))

    def __call__(self, doc: Doc) -> Doc:
        doc._.casus_mentions = self.finder(doc, doc._.casus_published)
        return doc


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
