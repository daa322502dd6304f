import { messageOf } from '../error-message.js';
import { startServer, type ServeOptions } from '../web/server.js';
import { UsageError } from './output.js';

/** Hosts that only this machine can reach. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Serves the web page until Ctrl-C; says where, and says so when other machines can reach it. */
export async function runServe(opts: ServeOptions): Promise<number> {
  const server = await startServer(opts).catch((err: unknown) => {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new UsageError(
        `port ${opts.port} on ${opts.host} is in use; choose another with --port (0 takes a free one)`,
      );
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EACCES')
      throw new UsageError(`cannot listen on ${opts.host}:${opts.port}: ${messageOf(err)}`);
    throw err;
  });
  process.stdout.write(`report-miner: serving ${opts.db} (read-only) at ${server.url} — Ctrl-C stops\n`);
  if (!LOOPBACK.has(opts.host))
    process.stderr.write(
      `report-miner: listening on ${opts.host}: anyone who can reach this machine can read the index\n`,
    );
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
