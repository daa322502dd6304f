#!/usr/bin/env node
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

try {
  await buildProgram().parseAsync();
} catch (err) {
  if (
    err instanceof UsageError ||
    err instanceof IndexNotFoundError ||
    err instanceof SearchError ||
    err instanceof IndexBusyError ||
    err instanceof IndexNotWritableError ||
    err instanceof ManifestError
  ) {
    process.stderr.write(`report-miner: ${printable(err.message)}\n`);
    process.exitCode = 1;
  } else {
    throw err;
  }
}
