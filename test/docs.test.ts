import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_KINDS } from '../src/cli/export-command.js';
import { buildProgram } from '../src/cli/program.js';
import { CLI, CORPUS, ROOT, tempDir } from './helpers.js';
import { makeInbox } from './support/inbox.js';

// The README is checked against the code, as Datasette's test_docs.py does: every command and flag the
// program has is in the command reference (and nothing the program lacks), and every example runs and
// prints what the README shows.

const SQLITE_SHELL = /^sqlite3 (\S+) "([^"]+)"$/;
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const INVOCATION = 'npx report-miner';

/** The indented block under "## Command line": one synopsis paragraph per group of commands. */
function commandReference(): string[] {
  const section = /^## Command line\n([\s\S]*?)\n## /m.exec(README)?.[1] ?? '';
  const block = section.split(/\n(?=\S)/)[0] ?? '';
  return block.split(/\n\s*\n/).filter((p) => p.includes(INVOCATION));
}

/**
 * What the reference says of each command: its synopsis lines, their continuation lines, and a
 * paragraph's "each also ..." line, which belongs to every command of that paragraph.
 */
function synopses(): Map<string, string> {
  const byCommand = new Map<string, string>();
  for (const paragraph of commandReference()) {
    const named: string[] = [];
    let current: string | null = null;
    let shared = '';
    for (const line of paragraph.split('\n')) {
      const start = line.trim();
      if (start.startsWith(INVOCATION)) {
        current = start.slice(INVOCATION.length).trim().split(/\s+/)[0] ?? '';
        named.push(current);
        byCommand.set(current, `${byCommand.get(current) ?? ''} ${start}`);
      } else if (start.startsWith('each also')) {
        shared += ` ${start}`;
      } else if (current) {
        byCommand.set(current, `${byCommand.get(current) ?? ''} ${start}`);
      }
    }
    for (const name of named) byCommand.set(name, `${byCommand.get(name) ?? ''}${shared}`);
  }
  return byCommand;
}

const flagsIn = (text: string) => new Set(text.match(/--[a-z][a-z-]*/g) ?? []);
const optionsOf = (command: Command) => command.options.map((o) => o.long).filter((l): l is string => Boolean(l));

describe('the README command reference', () => {
  const program = buildProgram();
  const reference = synopses();

  it('names every command the program has, and no other', () => {
    expect([...reference.keys()].sort()).toEqual(program.commands.map((c) => c.name()).sort());
  });

  it.each(program.commands.map((c) => [c.name(), c] as const))(
    'gives every flag of %s, and no other',
    (name, command) => {
      const documented = flagsIn(reference.get(name) ?? '');
      expect([...documented].sort()).toEqual(optionsOf(command).sort());
    },
  );

  it('names every kind export takes, as export --help does', () => {
    const help = program.commands.find((c) => c.name() === 'export')!.registeredArguments[0]!.description;
    const synopsis = reference.get('export') ?? '';
    expect(EXPORT_KINDS.filter((kind) => !help.includes(kind) || !synopsis.includes(kind))).toEqual([]);
  });
});

interface Example {
  command: string;
  shown: string[];
}

/** `$ npx report-miner ...` lines of the README's indented blocks, with the output shown under each. */
function examples(): Example[] {
  const found: Example[] = [];
  let current: Example | null = null;
  for (const line of README.split('\n')) {
    const command = /^ {4}\$ (.+)$/.exec(line)?.[1];
    if (command) found.push((current = { command, shown: [] }));
    else if (current && line.startsWith('    ')) current.shown.push(line.slice(4));
    else if (current && line.trim() !== '') current = null;
  }
  return found;
}

/** Times differ from run to run; everything else shown must be printed. */
const steady = (line: string) => line.replace(/\b\d+(?:\.\d+)? s\b/g, 'N s').trimEnd();

/** A shown line matches a printed one where "…" stands for text the README leaves out. */
function matches(shown: string, printed: string): boolean {
  const pieces = steady(shown).split('…');
  let at = 0;
  for (const [i, piece] of pieces.entries()) {
    const found = i === 0 ? (printed.startsWith(piece) ? 0 : -1) : printed.indexOf(piece, at);
    if (found < 0) return false;
    at = found + piece.length;
  }
  return pieces.length > 1 || at === printed.length;
}

describe('the README examples', () => {
  const all = examples();
  // Run where a user would be: a project folder with the embedded corpus and the downloads folder the
  // ingest example names; the first example builds db/reports.db there for the ones after it.
  let workspace: string;
  beforeAll(async () => {
    workspace = tempDir();
    fs.symlinkSync(CORPUS, path.join(workspace, 'corpus'), 'dir');
    fs.mkdirSync(path.join(workspace, 'db'));
    await makeInbox(path.join(workspace, 'inbox'));
  });

  it('are there to check, each a report-miner command or a query in the sqlite3 shell', () => {
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(all.filter((e) => !e.command.startsWith(`${INVOCATION} `) && !SQLITE_SHELL.test(e.command))).toEqual([]);
  });

  /** A report-miner command runs as the user would type it; a sqlite3 query through better-sqlite3, printed as the shell's list mode. */
  function run(command: string): { status: number | null; stdout: string; stderr: string } {
    const query = SQLITE_SHELL.exec(command);
    if (!query) {
      return spawnSync('sh', ['-c', command.replace(INVOCATION, `"${process.execPath}" "${CLI}"`)], {
        cwd: workspace,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
    }
    const db = new BetterSqlite3(path.join(workspace, query[1]!), { readonly: true });
    try {
      // The views the README queries hold text and numbers only.
      const rows = db.prepare(query[2]!).raw().all() as Array<Array<string | number | null>>;
      return { status: 0, stdout: rows.map((r) => r.map((v) => String(v ?? '')).join('|')).join('\n'), stderr: '' };
    } finally {
      db.close();
    }
  }

  // In README order: the first ingests the corpus that the others read.
  it.each(all.map((e) => [e.command, e] as const))('%s', (_command, example) => {
    const result = run(example.command);
    expect(result.status, result.stderr).toBe(0);
    const printed = `${result.stdout}\n${result.stderr}`.split('\n').map(steady);
    const missing = example.shown.filter(
      (l) => l.trim() !== '' && l.trim() !== '…' && !printed.some((p) => matches(l, p)),
    );
    expect(missing, `printed:\n${printed.join('\n')}`).toEqual([]);
  });
});
