"""Interoperability: exports other tools read, and imports of GDELT and ACLED files.

Exports (``casus export --format F``): ``plover`` (PLOVER JSON Lines), ``gdelt`` (GDELT 2.0
event table, tab-separated, GDELT's 61 columns in GDELT's order), ``acled`` (ACLED-style
CSV), ``csv`` and ``parquet`` (flat event tables), ``graphml`` and ``gexf`` (the actor
network, for Gephi), ``geojson`` (located events, for QGIS).

Imports (``casus import --dataset gdelt|acled FILE``) store another dataset's events
beside casus's own, tagged with the dataset, so the same filters, timeline and API
apply to both.
"""

from casus.interop.exports import EXPORT_FORMATS, ExportReport, export_events
from casus.interop.imports import IMPORT_DATASETS, ImportReport, import_file

__all__ = ["EXPORT_FORMATS", "ExportReport", "export_events", "IMPORT_DATASETS",
           "ImportReport", "import_file"]
