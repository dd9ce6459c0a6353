"""PLACEHOLDER - replaced by the events work."""
from spacy.language import Language


@Language.factory("casus_events")
def make_event_coder(nlp: Language, name: str):  # type: ignore[no-untyped-def]
    raise NotImplementedError
