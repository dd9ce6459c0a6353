"""Fusion: reports of one real-world event, across sentences and articles, become one event.

GDELT removes exact duplicates only and ICEWS's public data repeats event ids; casus
groups the reports (same parties up to identity, compatible codes, dates and places)
into fused events that keep every report as evidence, count corroboration, and show
contradictions (a report that the event happened beside one that it did not).
"""

from casus.fusion.cluster import FusionSettings, fuse, group_reports
from casus.fusion.compat import Report, compatible
from casus.fusion.source import fused_events, reports_from_store

__all__ = ["FusionSettings", "Report", "compatible", "fuse", "fused_events", "group_reports",
           "reports_from_store"]

