"""Building the spaCy pipeline casus runs: the model plus casus's own components."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from casus.config import Settings
from casus.errors import ModelNotFound
from casus.nlp.components import (  # noqa: F401 - register the factories
    datelines,
    paragraphs,
    petrarch,
)
from casus.nlp.extensions import register_extensions

CASUS_COMPONENTS = ("casus_actors", "casus_dates", "casus_events", "casus_places")


def add_casus_components(nlp: Language, settings: Settings | None = None) -> Language:
    """Add casus's components after the model's own, as a user would in their pipeline."""
    settings = settings or Settings.load()
    register_extensions()
    if "casus_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("casus_paragraphs", before="parser")
    if "casus_datelines" not in nlp.pipe_names and "ner" in nlp.pipe_names:
        nlp.add_pipe("casus_datelines", after="ner")
    dictionaries = list(settings.dictionary_folders)
    if "casus_actors" not in nlp.pipe_names:
        nlp.add_pipe("casus_actors", config={"dictionaries": dictionaries})
    if "casus_dates" not in nlp.pipe_names:
        nlp.add_pipe("casus_dates")
    if "casus_events" not in nlp.pipe_names:
        nlp.add_pipe("casus_events", config={"max_events": settings.max_events_per_document})
    has_verbs = any(any(Path(f).glob("*.verbs.txt")) for f in dictionaries if Path(f).is_dir())
    if has_verbs and "casus_petrarch_verbs" not in nlp.pipe_names:
        nlp.add_pipe("casus_petrarch_verbs", config={
            "dictionaries": dictionaries, "mode": settings.verbs.lower(),
            "require_dyad": settings.require_dyad.lower() == "yes",
            "max_events": settings.max_events_per_document})
    if "casus_places" not in nlp.pipe_names:
        nlp.add_pipe("casus_places")
    return nlp


def load_model(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(f"cannot load the spaCy model '{name}': {exc}") from None


@lru_cache(maxsize=4)
def _cached_pipeline(settings: Settings) -> Language:
    return add_casus_components(load_model(settings.model), settings)


def load_pipeline(settings: Settings | None = None) -> Language:
    """The model named by ``settings.model`` with casus's components; cached per settings."""
    return _cached_pipeline(settings or Settings.load())
