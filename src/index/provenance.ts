import type { Database } from 'better-sqlite3';
import type { FetchHints } from '../document.js';
import type { FetchLog, FetchRecord, PreviousFetch } from '../fetch/fetch-log.js';

interface Row {
  url: string;
  etag: string | null;
  last_modified: string | null;
  sha256: string | null;
  file: string | null;
  hints: string | null;
}

/** The fetches table: where each fetched document came from, with its validators for the next run. */
export class Provenance implements FetchLog {
  constructor(private readonly db: Database) {}

  previous(url: string): PreviousFetch | null {
    const row = this.db.prepare('SELECT url, etag, last_modified, sha256, file FROM fetches WHERE url = ?').get(url) as
      Row | undefined;
    return row ? { etag: row.etag, lastModified: row.last_modified, sha256: row.sha256, file: row.file } : null;
  }

  /** A failure after an earlier success keeps what that success stored. */
  record(r: FetchRecord): void {
    const now = new Date().toISOString();
    const hints = r.hints ? JSON.stringify(r.hints) : null;
    if (r.status === 'failed') {
      const updated = this.db
        .prepare("UPDATE fetches SET status = 'failed', error = ?, fetched_at = ? WHERE url = ? AND sha256 IS NOT NULL")
        .run(r.error, now, r.url);
      if (updated.changes) return;
    }
    this.db
      .prepare(
        `INSERT INTO fetches (url, final_url, status, fetched_at, etag, last_modified, sha256, file, bytes, error, hints)
         VALUES (@url, @finalUrl, @status, @now, @etag, @lastModified, @sha256, @file, @bytes, @error, @hints)
         ON CONFLICT (url) DO UPDATE SET final_url = excluded.final_url, status = excluded.status, fetched_at = excluded.fetched_at,
           etag = COALESCE(excluded.etag, etag), last_modified = COALESCE(excluded.last_modified, last_modified),
           sha256 = COALESCE(excluded.sha256, sha256), file = COALESCE(excluded.file, file), bytes = COALESCE(excluded.bytes, bytes),
           error = excluded.error, hints = COALESCE(excluded.hints, hints)`,
      )
      .run({ ...r, now, hints });
  }

  /**
   * The URL a file was fetched from, and what was known of it, by the file's hash. Where several
   * URLs gave the same bytes, the one with the most known about it, then the first in order: a
   * stable choice, so a later run cites the document the same way.
   */
  bySha(sha256: string): { url: string; hints: FetchHints | null } | null {
    const row = this.db
      .prepare('SELECT url, hints FROM fetches WHERE sha256 = ? ORDER BY hints IS NULL, url LIMIT 1')
      .get(sha256) as Pick<Row, 'url' | 'hints'> | undefined;
    return row ? { url: row.url, hints: row.hints ? (JSON.parse(row.hints) as FetchHints) : null } : null;
  }
}
