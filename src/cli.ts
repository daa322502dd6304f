#!/usr/bin/env node
import { CommanderError } from 'commander';
import { buildProgram } from './cli/program.js';
import { printable, UsageError } from './cli/output.js';
import { ManifestError } from './fetch/manifest.js';
import { IndexBusyError, IndexNotWritableError } from './index/lock.js';
import { IndexNotFoundError } from './index/open.js';
import { SearchError } from './query/search-core.js';

// A reader that stops early (| head) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

/** Bad input (a flag, a query, a file named): exit 2, as commander's own usage errors do here. */
const EXIT_BAD_INPUT = 2;
const BAD_INPUT = [UsageError, IndexNotFoundError, SearchError, ManifestError];
/** The index cannot be written now: exit 1. */
const CANNOT_WRITE = [IndexBusyError, IndexNotWritableError];

try {
  await buildProgram().parseAsync();
} catch (err) {
  if (err instanceof CommanderError) {
    // Commander has printed its one line (or the help, whose exit code is 0).
    process.exitCode = err.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
  } else if (err instanceof Error && [...BAD_INPUT, ...CANNOT_WRITE].some((kind) => err instanceof kind)) {
    process.stderr.write(`report-miner: ${printable(err.message)}\n`);
    process.exitCode = BAD_INPUT.some((kind) => err instanceof kind) ? EXIT_BAD_INPUT : 1;
  } else {
    throw err;
  }
}
