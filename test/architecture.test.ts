import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

// The pipeline's stages in the order data flows through them. A stage may use what an earlier
// stage made (its types, its readers of the same data) but never call a later one: composing
// stages is the pipeline's job (src/pipeline), and the front ends' (cli, web).
const STAGES = ['fetch', 'ingest', 'extract', 'index', 'query', 'charts', 'output'];
const COMPOSERS = ['pipeline', 'web', 'cli'];
/** Modules every stage may share: the data types between stages, and domain and text rules. */
const SHARED = ['text', 'domain', 'document', 'findings', 'error-message', 'sniff'];

const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The top-level part of src a file or import belongs to: a folder, or a file at the top (without its extension). */
function partOf(file: string): string {
  return path
    .relative(SRC, file)
    .split(path.sep)[0]!
    .replace(/\.[jt]s$/, '');
}

/** Every relative import of a file, as the part of src it resolves to. */
function importedParts(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((i) => i.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => partOf(path.resolve(path.dirname(file), name)));
}

/** Which parts a part may import, by the rule above. */
function allowed(part: string): Set<string> {
  const stage = STAGES.indexOf(part);
  if (stage >= 0) return new Set([...STAGES.slice(0, stage + 1), ...SHARED]);
  if (COMPOSERS.includes(part)) return new Set([...STAGES, ...COMPOSERS, ...SHARED]);
  if (part === 'domain') return new Set(['domain', 'text']);
  if (part === 'text') return new Set(['text']);
  // The other top-level files: shared types and leaves.
  return new Set([part, ...SHARED, ...(part === 'cli' ? [...STAGES, ...COMPOSERS] : [])]);
}

function violations(): string[] {
  return sourceFiles(SRC).flatMap((file) => {
    const part = partOf(file);
    const ok = allowed(part);
    return importedParts(file)
      .filter((imported) => !ok.has(imported))
      .map((imported) => `${path.relative(ROOT, file)} imports ${imported}`);
  });
}

describe('the stages of the pipeline', () => {
  it('finds the imports it judges', () => {
    const ingest = importedParts(path.join(SRC, 'pipeline', 'ingest.ts'));
    expect(ingest).toEqual(expect.arrayContaining(['index', 'ingest', 'findings']));
    expect(importedParts(path.join(SRC, 'sniff.ts'))).toEqual(['document']);
  });

  it('names a stage that calls a later one', () => {
    expect(allowed('fetch').has('ingest')).toBe(false);
    expect(allowed('ingest').has('index')).toBe(false);
    expect(allowed('extract').has('pipeline')).toBe(false);
    expect(allowed('index').has('fetch')).toBe(true);
  });

  it('has no stage importing a later stage or the composition', () => {
    expect(violations()).toEqual([]);
  });
});
