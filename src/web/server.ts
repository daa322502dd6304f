import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { openDatabase } from '../index/open.js';
import { DEFAULT_TIME_LIMIT_SECONDS } from '../query/time-limit.js';
import { createApp } from './app.js';

/**
 * How long the facet counts may take beside a search: counting every match of a common word in a
 * million passages takes seconds (bench/web.mjs), and a page should not wait for it.
 */
export const FACET_TIME_LIMIT_SECONDS = 1;

export interface ServeOptions {
  db: string;
  port: number;
  host: string;
  timeLimit?: number;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the web page over the index at `db`, opened read-only, until closed; port 0 takes a free one. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const db = openDatabase(options.db, { readonly: true });
  const app = createApp(db, {
    timeLimit: options.timeLimit ?? DEFAULT_TIME_LIMIT_SECONDS,
    facetTimeLimit: FACET_TIME_LIMIT_SECONDS,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () => {
      resolve(s);
    });
    s.once('error', (err: Error) => {
      db.close();
      reject(err);
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          db.close();
          resolve();
        });
        // Keep-alive connections of a browser would hold close() open.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
