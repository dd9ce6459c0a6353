#!/usr/bin/env bash
# Install everything, ingest the bundled sample corpus, and summarise what casus found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
DB="${CASUS_DB:-demo.duckdb}"
SAMPLE="$(.venv/bin/python -c 'from casus.config import SAMPLE_DIR; print(SAMPLE_DIR)')"
.venv/bin/casus ingest "$SAMPLE" --db "$DB"
.venv/bin/casus summary --db "$DB"
cat <<MSG

Look further (the database is $DB):
  .venv/bin/casus events --db $DB --code 19             # attacks, as a table
  .venv/bin/casus events --db $DB --actor Hemedti --format jsonl
  .venv/bin/casus events --db $DB --include-negated --format csv > events.csv
  .venv/bin/casus actors --db $DB                       # every actor and its spellings
  .venv/bin/casus docs --db $DB --format jsonl          # cleaned texts
  .venv/bin/casus ingest path/to/your/articles --db $DB
MSG
