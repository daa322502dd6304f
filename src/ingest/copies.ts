import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { FetchHints } from '../document.js';
import { messageOf } from '../error-message.js';
import { documentHints, webUrl } from '../fetch/manifest.js';

/**
 * A folder's `published.json` says where its files are published: for each file name, the URL of the
 * published document, whether the file is an excerpt of it (its pages are then not the published
 * document's), and what is known of it that the file may not say (title, publisher, type, date).
 */
export const SIDECAR = 'published.json';

const copyEntry = documentHints.extend({ url: webUrl.optional(), excerpt: z.boolean().default(false) }).strict();
const sidecar = z.record(z.string(), copyEntry);

/** Where a local file is published, and what the folder's sidecar knows of it. */
export interface CopyRecord {
  url: string | null;
  excerpt: boolean;
  hints: FetchHints | null;
}

export type SidecarProblem = { file: string; reason: string };

/** Reads each folder's sidecar once; a sidecar that is not valid is reported once and its folder's files have none. */
export class CopyRecords {
  private readonly folders = new Map<string, Promise<Record<string, z.output<typeof copyEntry>> | null>>();

  constructor(private readonly onProblem: (problem: SidecarProblem) => void) {}

  async of(file: string): Promise<CopyRecord | null> {
    const folder = path.dirname(file);
    let entries = this.folders.get(folder);
    if (!entries) this.folders.set(folder, (entries = this.read(path.join(folder, SIDECAR))));
    const entry = (await entries)?.[path.basename(file)];
    if (!entry) return null;
    const { url, excerpt, ...hints } = entry;
    return { url: url ?? null, excerpt, hints: Object.keys(hints).length ? hints : null };
  }

  private async read(file: string): Promise<Record<string, z.output<typeof copyEntry>> | null> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        this.onProblem({ file, reason: `cannot read (${messageOf(err)})` });
      return null;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      this.onProblem({ file, reason: `not valid JSON (${messageOf(err)}); its folder's files are indexed without it` });
      return null;
    }
    const parsed = sidecar.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      this.onProblem({
        file,
        reason: `${issue.path.join('.')}: ${issue.message}; its folder's files are indexed without it`,
      });
      return null;
    }
    return parsed.data;
  }
}
