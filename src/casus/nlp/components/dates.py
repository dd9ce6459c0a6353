"""PLACEHOLDER - replaced by the dates work."""
from spacy.language import Language


@Language.factory("casus_dates")
def make_date_resolver(nlp: Language, name: str):  # type: ignore[no-untyped-def]
    raise NotImplementedError
