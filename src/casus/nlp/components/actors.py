"""PLACEHOLDER - replaced by the actors work."""
from spacy.language import Language


@Language.factory("casus_actors")
def make_actor_recognizer(nlp: Language, name: str):  # type: ignore[no-untyped-def]
    raise NotImplementedError
