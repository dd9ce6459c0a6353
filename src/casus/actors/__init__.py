"""Actors: who takes part in an event, resolved against a dated dictionary.

- :mod:`casus.actors.names` — transliteration-aware name keys (``name_key``,
  ``surname_keys``, ``same_name``);
- :mod:`casus.actors.dictionary` — the YAML dictionary (docs/dictionaries.md);
- :mod:`casus.actors.roles` — CAMEO codes and date-restricted roles;
- :mod:`casus.actors.matching` / :mod:`casus.actors.mentions` — finding actors in a Doc;
- :mod:`casus.actors.resolve` — ActorRefs and ``resolve_actor_text``.
"""

from casus.actors.dictionary import ActorDictionary, default_dictionary, load_dictionary
from casus.actors.names import LIKELY_SAME, SAME_NAME, name_key, same_name, surname_keys
from casus.actors.resolve import resolve_actor_text

__all__ = [
    "ActorDictionary",
    "LIKELY_SAME",
    "SAME_NAME",
    "default_dictionary",
    "load_dictionary",
    "name_key",
    "resolve_actor_text",
    "same_name",
    "surname_keys",
]
