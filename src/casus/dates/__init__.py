"""Event dates: expressions resolved against the article's own date, never the clock.

``anchor`` holds the plain functions (no model needed); ``tense`` reads the verb that
governs an expression from a spaCy parse; ``casus.nlp.components.dates`` adapts both
to the pipeline.
"""

from casus.dates.anchor import (
    DateMention,
    infer_year_hint,
    is_date_like,
    is_duration,
    lexical_direction,
    resolve_expression,
    split_date_list,
)

__all__ = [
    "DateMention",
    "infer_year_hint",
    "is_date_like",
    "is_duration",
    "lexical_direction",
    "resolve_expression",
    "split_date_list",
]
