import fs from 'node:fs';
import path from 'node:path';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { buildIndex, CORPUS, tempDir } from '../helpers.js';

/** A saved page whose text holds markup: a page that showed it as HTML would run its script. */
export const HOSTILE_TEXT =
  'Caseload note: <script>window.pwned = 1</script> and <img src=x onerror="window.pwned = 2"> were in the text.';

/** The embedded corpus plus a hostile HTML document, indexed once, served on a free loopback port. */
export async function serveTestIndex(): Promise<{ server: RunningServer; db: string; hostile: string }> {
  const folder = tempDir('report-miner-web-');
  const hostile = path.join(folder, 'hostile-note.html');
  const escaped = HOSTILE_TEXT.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  fs.writeFileSync(
    hostile,
    `<!doctype html><html><head><title>A note with &lt;script&gt; in it</title></head><body><h1>Hostile note</h1><p>${escaped}</p></body></html>`,
  );
  const db = buildIndex([CORPUS, folder]);
  const server = await startServer({ db, port: 0, host: '127.0.0.1' });
  return { server, db, hostile };
}
