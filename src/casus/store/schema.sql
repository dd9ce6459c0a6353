-- casus store, schema version 2. One DuckDB file; one transaction per document.
-- Every row of sentences, mentions and events belongs to exactly one document and is
-- replaced with it, so a crash can never leave half a document.

CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,
    title VARCHAR,
    source VARCHAR,
    url VARCHAR,
    published DATE,
    published_from VARCHAR,
    language VARCHAR,
    text VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    fingerprint VARCHAR NOT NULL,   -- text + metadata + analysis version: skip when unchanged
    origin VARCHAR,
    n_events INTEGER NOT NULL
);

-- An undated article's writing window, as its text bounds it (casus.dates.window).
CREATE TABLE IF NOT EXISTS document_dates (
    doc_id VARCHAR PRIMARY KEY,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    evidence JSON NOT NULL
);

CREATE TABLE IF NOT EXISTS sentences (
    doc_id VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, sentence_index)
);

CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR NOT NULL,
    mention_index INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    label VARCHAR,
    actor_id VARCHAR,
    name VARCHAR,
    type VARCHAR,
    code VARCHAR,
    country VARCHAR,
    role VARCHAR,
    in_dictionary BOOLEAN NOT NULL,
    PRIMARY KEY (doc_id, mention_index)
);

CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,        -- for imported events: '<dataset>:<file name>'
    sentence_index INTEGER,         -- null only for imported events (no sentence of ours)
    char_start INTEGER,
    char_end INTEGER,
    cameo VARCHAR NOT NULL,
    cameo_root VARCHAR NOT NULL,
    plover VARCHAR,
    quad_class INTEGER NOT NULL,
    goldstein DOUBLE NOT NULL,
    source_actor_id VARCHAR,
    source_code VARCHAR,
    source_country VARCHAR,
    source_text VARCHAR,
    target_actor_id VARCHAR,
    target_code VARCHAR,
    target_country VARCHAR,
    target_text VARCHAR,
    date DATE,
    negated BOOLEAN NOT NULL,
    modality VARCHAR NOT NULL,
    record JSON NOT NULL,           -- the full CONTRACT.md event record, as emitted
    dataset VARCHAR NOT NULL DEFAULT 'casus',  -- 'casus', or an imported dataset ('gdelt')
    PRIMARY KEY (event_id)
);

CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id);
CREATE INDEX IF NOT EXISTS events_cameo ON events (cameo);
CREATE INDEX IF NOT EXISTS events_date ON events (date);
CREATE INDEX IF NOT EXISTS events_source ON events (source_actor_id);
CREATE INDEX IF NOT EXISTS events_target ON events (target_actor_id);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions (actor_id);
CREATE INDEX IF NOT EXISTS events_dataset ON events (dataset);

-- An analyst's actor corrections (casus actors merge / split), in the order made.
-- Applied to the stored rows when made and to every document written afterwards.
CREATE TABLE IF NOT EXISTS actor_corrections (
    seq INTEGER PRIMARY KEY,
    kind VARCHAR NOT NULL,          -- 'merge' | 'split'
    actor_id VARCHAR NOT NULL,      -- merge: the actor kept; split: the actor split
    other VARCHAR NOT NULL,         -- merge: the actor folded in; split: the surface form
    name VARCHAR,                   -- merge: the kept actor's identity when made
    type VARCHAR,
    code VARCHAR,
    country VARCHAR,
    role VARCHAR,
    in_dictionary BOOLEAN NOT NULL
);
