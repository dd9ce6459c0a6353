"""Scale-out: the same pipeline in Dask workers (or local processes), results in Parquet.

``run_dataset`` partitions the input into bounded batches, analyses each in a worker
(the spaCy model loaded once per worker), and writes Parquet partitioned by publication
month; ``connect_dataset``/``open_dataset`` read such a folder back through DuckDB with
the same tables as a casus database, so every command and the web app work on it.
"""

from casus.distributed.dataset import connect_dataset, open_dataset
from casus.distributed.engine import ENGINES, run_dataset

__all__ = ["ENGINES", "connect_dataset", "open_dataset", "run_dataset"]
