import type { Database } from 'better-sqlite3';

/** A table of findings: which document, in what order, on which page, then its own columns. */
function findingTable(table: string, columns: string): string {
  return `
  CREATE TABLE ${table} (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    page INTEGER,${columns}
  );
  CREATE INDEX ${table}_document ON ${table} (document_id);`;
}

/** "new.text, new.heading": a trigger's values of the columns for the `row` it names. */
function rowValues(columns: string[], row: 'new' | 'old'): string {
  return columns.map((c) => `${row}.${c}`).join(', ');
}

/** An FTS5 index named <table>_fts over some of a table's columns, kept in step by triggers. */
function externalContentFts(table: string, columns: string[]): string {
  const cols = columns.join(', ');
  return `
  CREATE VIRTUAL TABLE ${table}_fts USING fts5 (
    ${cols}, content = '${table}', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER ${table}_fts_insert AFTER INSERT ON ${table} BEGIN
    INSERT INTO ${table}_fts (rowid, ${cols}) VALUES (new.id, ${rowValues(columns, 'new')});
  END;
  CREATE TRIGGER ${table}_fts_delete AFTER DELETE ON ${table} BEGIN
    INSERT INTO ${table}_fts (${table}_fts, rowid, ${cols}) VALUES ('delete', old.id, ${rowValues(columns, 'old')});
  END;
  ${ftsUpdateTrigger(table, columns, 'UPDATE')}`;
}

/** The trigger that re-indexes a row when `event` ("UPDATE", or "UPDATE OF <columns>") changes it. */
function ftsUpdateTrigger(table: string, columns: string[], event: string): string {
  const cols = columns.join(', ');
  return `CREATE TRIGGER ${table}_fts_update AFTER ${event} ON ${table} BEGIN
    INSERT INTO ${table}_fts (${table}_fts, rowid, ${cols}) VALUES ('delete', old.id, ${rowValues(columns, 'old')});
    INSERT INTO ${table}_fts (rowid, ${cols}) VALUES (new.id, ${rowValues(columns, 'new')});
  END;`;
}

/** The FTS update trigger again, on the indexed columns only: a change to any other column leaves the index alone. */
function reindexOnWordsOnly(table: string, columns: string[]): string {
  return `DROP TRIGGER ${table}_fts_update;
  ${ftsUpdateTrigger(table, columns, `UPDATE OF ${columns.join(', ')}`)}`;
}

/**
 * The FTS5 index of a table declared again as sqlite-utils declares it, `content="<table>"`: Datasette's
 * detect_fts looks for that spelling (or `content=[<table>]`) and missed `content = '<table>'`. The rows
 * are indexed again from the table; `where` leaves out what the triggers never index.
 */
function redeclaredFts(table: string, columns: string[], where = ''): string {
  const cols = columns.join(', ');
  return `
  DROP TABLE ${table}_fts;
  CREATE VIRTUAL TABLE ${table}_fts USING fts5 (
    ${cols}, content="${table}", content_rowid="id", tokenize = 'porter unicode61 remove_diacritics 2'
  );
  INSERT INTO ${table}_fts (rowid, ${cols}) SELECT id, ${cols} FROM ${table} ${where};`;
}

/**
 * Migrations, oldest first. A database records how many it has applied; each runs once,
 * in its own transaction. Never edit one that has shipped: append a new one.
 */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    format TEXT,
    title TEXT,
    publisher TEXT,
    type TEXT,
    published TEXT,
    pages INTEGER,
    status TEXT NOT NULL CHECK (status IN ('indexed', 'no-text', 'failed')),
    error TEXT,
    bytes INTEGER NOT NULL,
    pipeline_version INTEGER NOT NULL,
    indexed_at TEXT NOT NULL
  );
  CREATE INDEX documents_sha256 ON documents (sha256);

  CREATE TABLE passages (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    page INTEGER,
    kind TEXT NOT NULL,
    heading TEXT,
    text TEXT NOT NULL,
    UNIQUE (document_id, ordinal)
  );

  CREATE VIRTUAL TABLE passages_fts USING fts5 (
    text, heading,
    content = 'passages', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
  );
  -- A heading's words count for a fifth of a passage's own in the ranking.
  INSERT INTO passages_fts (passages_fts, rank) VALUES ('rank', 'bm25(1.0, 0.2)');
  -- Headings are searched through the passages under them (the heading column), not as hits of their own.
  CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages WHEN new.kind <> 'heading' BEGIN
    INSERT INTO passages_fts (rowid, text, heading) VALUES (new.id, new.text, new.heading);
  END;
  CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages WHEN old.kind <> 'heading' BEGIN
    INSERT INTO passages_fts (passages_fts, rowid, text, heading) VALUES ('delete', old.id, old.text, old.heading);
  END;
  CREATE TRIGGER passages_fts_update AFTER UPDATE ON passages BEGIN
    INSERT INTO passages_fts (passages_fts, rowid, text, heading) SELECT 'delete', old.id, old.text, old.heading WHERE old.kind <> 'heading';
    INSERT INTO passages_fts (rowid, text, heading) SELECT new.id, new.text, new.heading WHERE new.kind <> 'heading';
  END;
  `,
  `
  ALTER TABLE documents ADD COLUMN inspected TEXT;

  ${findingTable(
    'quotes',
    `
    text TEXT NOT NULL,
    speaker TEXT,
    role TEXT,
    organisation TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('testimony', 'statement', 'evidence')),
    question TEXT,
    attribution TEXT`,
  )}
  ${findingTable(
    'ratings',
    `
    subject TEXT NOT NULL,
    aspect TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('outstanding', 'good', 'requires improvement', 'inadequate')),
    count INTEGER,
    evidence TEXT NOT NULL`,
  )}
  ${findingTable(
    'figures',
    `
    sentence TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL,
    qualifier TEXT,
    topic TEXT NOT NULL,
    subject TEXT,
    phrase TEXT NOT NULL`,
  )}
  ${findingTable(
    'recommendations',
    `
    number TEXT,
    text TEXT NOT NULL,
    addressee TEXT,
    paragraph TEXT`,
  )}
  ${findingTable(
    'responses',
    `
    number TEXT NOT NULL,
    recommendation TEXT,
    text TEXT NOT NULL,
    status TEXT CHECK (status IN ('accepted', 'partially accepted', 'not accepted', 'implemented'))`,
  )}
  ${externalContentFts('quotes', ['text', 'speaker', 'role', 'organisation'])}
  ${externalContentFts('recommendations', ['text', 'addressee'])}
  `,
  // Views for the sqlite3 shell and Datasette: each finding beside the document it cites.
  `
  CREATE VIEW quotes_cited AS
    SELECT q.id, q.text, q.speaker, q.role, q.organisation, q.kind, q.question, q.page,
           d.title, d.publisher, d.published, d.type, d.source
    FROM quotes q JOIN documents d ON d.id = q.document_id;
  CREATE VIEW ratings_by_year AS
    SELECT r.subject, r.aspect, CAST(substr(d.published, 1, 4) AS INTEGER) AS year, r.rating, r.count, r.page,
           d.title, d.publisher, d.source
    FROM ratings r JOIN documents d ON d.id = r.document_id;
  CREATE VIEW figures_cited AS
    SELECT f.value, f.unit, f.qualifier, f.topic, f.subject, f.phrase, f.sentence, f.page,
           d.title, d.publisher, d.published, d.source
    FROM figures f JOIN documents d ON d.id = f.document_id;
  CREATE VIEW recommendations_cited AS
    SELECT r.id, r.number, r.text, r.addressee, r.paragraph, r.page,
           d.title, d.publisher, d.published, d.source
    FROM recommendations r JOIN documents d ON d.id = r.document_id;
  `,
  // Provenance of fetched documents: one row per URL, what it last gave and when.
  `
  CREATE TABLE fetches (
    url TEXT PRIMARY KEY,
    final_url TEXT,
    status TEXT NOT NULL CHECK (status IN ('fetched', 'unchanged', 'failed')),
    fetched_at TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    sha256 TEXT,
    file TEXT,
    bytes INTEGER,
    error TEXT,
    hints TEXT
  );
  CREATE INDEX fetches_sha256 ON fetches (sha256);
  `,
  // Every finding says which rule found it and how sure it is; extraction's diagnostics are kept per document.
  `
  ${['quotes', 'ratings', 'figures', 'recommendations', 'responses'].map((t) => `ALTER TABLE ${t} ADD COLUMN confidence REAL; ALTER TABLE ${t} ADD COLUMN rule TEXT;`).join('\n  ')}
  CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    page INTEGER,
    rule TEXT NOT NULL,
    text TEXT NOT NULL
  );
  CREATE INDEX messages_document ON messages (document_id);
  `,
  // FTS tables that Datasette and sqlite-utils recognise; the triggers that keep them in step are unchanged.
  `
  ${redeclaredFts('passages', ['text', 'heading'], "WHERE kind <> 'heading'")}
  INSERT INTO passages_fts (passages_fts, rank) VALUES ('rank', 'bm25(1.0, 0.2)');
  ${redeclaredFts('quotes', ['text', 'speaker', 'role', 'organisation'])}
  ${redeclaredFts('recommendations', ['text', 'addressee'])}
  `,
  // Where each document is published, so that a citation can end in its URL (see DocumentRecord).
  `
  ALTER TABLE documents ADD COLUMN url TEXT;
  ALTER TABLE documents ADD COLUMN excerpt INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE documents ADD COLUMN described TEXT;
  `,
  // When a rating's judgement was made, where the document says (a speech of 2020 reporting last year's round).
  `
  ALTER TABLE ratings ADD COLUMN year INTEGER;
  DROP VIEW ratings_by_year;
  CREATE VIEW ratings_by_year AS
    SELECT r.subject, r.aspect, COALESCE(r.year, CAST(substr(d.published, 1, 4) AS INTEGER)) AS year, r.rating,
           r.count, r.page, d.title, d.publisher, d.source
    FROM ratings r JOIN documents d ON d.id = r.document_id;
  `,
  // One row per fact: a copy of a finding in another document links to the original (see markDuplicates).
  // The FTS update triggers fire only when indexed words change, not on every new link.
  `
  ${['quotes', 'recommendations', 'figures', 'ratings'].map((t) => `ALTER TABLE ${t} ADD COLUMN duplicate_of INTEGER REFERENCES ${t} (id) ON DELETE SET NULL; CREATE INDEX ${t}_duplicate_of ON ${t} (duplicate_of);`).join('\n  ')}
  ${reindexOnWordsOnly('quotes', ['text', 'speaker', 'role', 'organisation'])}
  ${reindexOnWordsOnly('recommendations', ['text', 'addressee'])}
  DROP VIEW quotes_cited;
  CREATE VIEW quotes_cited AS
    SELECT q.id, q.text, q.speaker, q.role, q.organisation, q.kind, q.question, q.page, q.duplicate_of,
           d.title, d.publisher, d.published, d.type, d.source, d.url
    FROM quotes q JOIN documents d ON d.id = q.document_id;
  DROP VIEW ratings_by_year;
  CREATE VIEW ratings_by_year AS
    SELECT r.subject, r.aspect, COALESCE(r.year, CAST(substr(d.published, 1, 4) AS INTEGER)) AS year, r.rating,
           r.count, r.page, r.duplicate_of, d.title, d.publisher, d.source, d.url
    FROM ratings r JOIN documents d ON d.id = r.document_id;
  DROP VIEW figures_cited;
  CREATE VIEW figures_cited AS
    SELECT f.value, f.unit, f.qualifier, f.topic, f.subject, f.phrase, f.sentence, f.page, f.duplicate_of,
           d.title, d.publisher, d.published, d.source, d.url
    FROM figures f JOIN documents d ON d.id = f.document_id;
  DROP VIEW recommendations_cited;
  CREATE VIEW recommendations_cited AS
    SELECT r.id, r.number, r.text, r.addressee, r.paragraph, r.page, r.duplicate_of,
           d.title, d.publisher, d.published, d.source, d.url
    FROM recommendations r JOIN documents d ON d.id = r.document_id;
  `,
  // Passages a document gives as one person's words: a signed foreword, a speech (see extractVoices).
  `
  ${findingTable(
    'voices',
    `
    opening INTEGER NOT NULL,
    closing INTEGER NOT NULL,
    speaker TEXT,
    role TEXT,
    organisation TEXT,
    signature TEXT NOT NULL,
    confidence REAL,
    rule TEXT`,
  )}
  `,
  // What a count of ratings is out of, where the text says ("19 of 21").
  `ALTER TABLE ratings ADD COLUMN total INTEGER;`,
  // Passages read by OCR: their page's mean word confidence (null for a text layer's words).
  `ALTER TABLE passages ADD COLUMN ocr_confidence REAL;`,
  // Whether a cited page was read by OCR, asked of every hit's citation: only OCR'd passages are indexed,
  // so for a document with a text layer the answer is one index probe.
  `CREATE INDEX passages_ocr_page ON passages (document_id, page) WHERE ocr_confidence IS NOT NULL;`,
  // What the Committees API says of a publication: its paper number, its inquiry, the publication it answers.
  `
  ALTER TABLE documents ADD COLUMN paper_number TEXT;
  ALTER TABLE documents ADD COLUMN business TEXT;
  ALTER TABLE documents ADD COLUMN answers TEXT;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

function currentVersion(db: Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  return row?.version ?? 0;
}

/**
 * Brings the schema up to date (or up to `target` migrations, as an older report-miner left it);
 * refuses a database written by a newer report-miner.
 */
export function migrate(db: Database, target = SCHEMA_VERSION): void {
  const version = currentVersion(db);
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `the database has schema version ${version}, newer than this report-miner understands (${SCHEMA_VERSION}); upgrade report-miner`,
    );
  }
  // All that is missing in one transaction: an ingest killed while creating a new index leaves
  // either the whole schema or none of it, never a database with half its tables.
  db.transaction(() => {
    if (version >= target) return;
    MIGRATIONS.slice(version, target).forEach((sql) => db.exec(sql));
    db.prepare('DELETE FROM schema_version').run();
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(target);
  })();
}
