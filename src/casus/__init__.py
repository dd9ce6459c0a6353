"""casus: sourced, queryable event data from conflict and diplomacy reporting."""

__version__ = "0.1.0"
