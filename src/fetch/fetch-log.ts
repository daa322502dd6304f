import type { FetchHints } from '../document.js';

/** What one fetch of a URL came to: written down so a later run can ask conditionally and ingest can cite the URL. */
export interface FetchRecord {
  url: string;
  finalUrl: string | null;
  status: 'fetched' | 'unchanged' | 'failed';
  etag: string | null;
  lastModified: string | null;
  sha256: string | null;
  file: string | null;
  bytes: number | null;
  error: string | null;
  hints: FetchHints | null;
}

/** The validators and file of a URL's last good fetch. */
export interface PreviousFetch {
  etag: string | null;
  lastModified: string | null;
  sha256: string | null;
  file: string | null;
}

/** Where fetching keeps its records: the index's fetches table, given to the crawl by the caller. */
export interface FetchLog {
  previous(url: string): PreviousFetch | null;
  record(r: FetchRecord): void;
}
