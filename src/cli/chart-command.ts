import fs from 'node:fs/promises';
import path from 'node:path';
import { caseloadsChart, ratingsChart } from '../charts/specs.js';
import { svgToPng, toSvg } from '../charts/render.js';
import { openDatabase } from '../index/open.js';
import { type FigureRow, figures, isPractitionerCaseload, organisationType } from '../query/figures.js';
import { ratingTallies } from '../query/ratings.js';
import { UsageError } from './output.js';
import type { TopLevelSpec } from 'vega-lite';

export interface ChartOptions {
  db: string;
  out?: string;
  from?: number;
  to?: number;
  /** Ratings: which aspect (overall unless told) and which type of provider. */
  aspect?: string;
  providerType?: string;
}

/** How many rows a chart spec draws (both specs carry their rows inline). */
function chartedRows(spec: TopLevelSpec): number {
  return 'data' in spec && spec.data && 'values' in spec.data && Array.isArray(spec.data.values)
    ? spec.data.values.length
    : 0;
}

/** Practitioners' caseloads of a type of provider, charted; how many other numbers of cases were left out. */
function caseloadsOf(stated: FigureRow[], providerType: string | undefined): TopLevelSpec {
  const typed = stated
    .map((f) => ({ ...f, organisation: organisationType(f) }))
    .filter((f) => !providerType || f.organisation === providerType);
  const charted = typed.filter(isPractitionerCaseload);
  return caseloadsChart(charted, typed.length - charted.length);
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
