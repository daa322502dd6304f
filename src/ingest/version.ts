import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folders whose code decides what a document's text and findings are: readers, layout, shared text rules, the domain's vocabularies and every extractor with its data. */
const EXTRACTION_CODE = ['../extract', '../text', '../domain', './readers', './pdf'];

function filesUnder(folder: string): string[] {
  const files: string[] = [];
  const pending = [folder];
  while (pending.length) {
    const dir = pending.pop()!;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (/\.(?:js|ts|json)$/.test(entry.name)) files.push(full);
    }
  }
  return files.sort();
}

/**
 * A number that changes whenever the code under the folders does: a hash of the code and data of the readers
 * and extractors as built. The next ingest redoes documents indexed by an older pipeline
 * instead of skipping them, without anyone remembering to bump a number. 48 bits of the hash
 * fit the index's integer column exactly.
 */
export function codeVersion(root: string, folders: string[]): number {
  const hash = createHash('sha256');
  for (const folder of folders) {
    for (const file of filesUnder(path.join(root, folder)))
      hash.update(path.relative(root, file)).update(fs.readFileSync(file));
  }
  return Number.parseInt(hash.digest('hex').slice(0, 12), 16);
}

export const PIPELINE_VERSION = codeVersion(path.dirname(fileURLToPath(import.meta.url)), EXTRACTION_CODE);
