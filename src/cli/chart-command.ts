import fs from 'node:fs/promises';
import path from 'node:path';
import { caseloadsOf, chartedRows, ratingsChart } from '../charts/specs.js';
import { svgToPng, toSvg } from '../charts/render.js';
import { openDatabase } from '../index/open.js';
import { figures } from '../query/figures.js';
import { ratingTallies } from '../query/ratings.js';
import { UsageError } from './output.js';

export interface ChartOptions {
  db: string;
  out?: string;
  from?: number;
  to?: number;
  /** Ratings: which aspect (overall unless told) and which type of provider. */
  aspect?: string;
  providerType?: string;
}

/** Writes a ratings or caseloads chart as SVG or PNG (by the --out extension). */
export async function runChart(kind: string, opts: ChartOptions): Promise<number> {
  if (kind !== 'ratings' && kind !== 'caseloads')
    throw new UsageError(`unknown chart ${JSON.stringify(kind)}; one of: ratings, caseloads`);
  const out = opts.out ?? `${kind}.svg`;
  const ext = path.extname(out).toLowerCase();
  if (ext !== '.svg' && ext !== '.png') throw new UsageError(`--out ${out}: the chart is written as .svg or .png`);
  const folder = path.dirname(path.resolve(out));
  if (!(await fs.stat(folder).catch(() => null))?.isDirectory())
    throw new UsageError(`--out ${out}: no folder ${folder}`);
  if (kind === 'caseloads' && opts.aspect !== undefined)
    throw new UsageError('--aspect applies to the ratings chart only');
  const db = openDatabase(opts.db, { readonly: true });
  let spec;
  try {
    const years = { from: opts.from, to: opts.to };
    spec =
      kind === 'ratings'
        ? ratingsChart(
            ratingTallies(db, { ...years, aspect: opts.aspect, providerType: opts.providerType as 'CRC' | undefined }),
            opts.aspect ?? 'overall',
          )
        : caseloadsOf(figures(db, { ...years, topic: 'caseload', unit: 'cases' }), opts.providerType);
  } finally {
    db.close();
  }
  // An empty picture would look like a finding ("no ratings that year"); say there is nothing instead.
  if (!chartedRows(spec)) {
    const range = [opts.from && `from ${opts.from}`, opts.to && `to ${opts.to}`].filter(Boolean).join(' ');
    throw new UsageError(`no ${kind} in the index${range ? ` ${range}` : ''} to chart; nothing written`);
  }
  const svg = await toSvg(spec);
  await fs.writeFile(out, ext === '.png' ? svgToPng(svg) : svg);
  process.stdout.write(`${out}\n`);
  return 0;
}
