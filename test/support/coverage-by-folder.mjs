// Coverage per folder of src/ (one stage each) and the least-covered module of each, from the two runs
// npm run coverage makes: vitest's (code run in the test process) and c8's (the compiled CLI run in child
// processes, mapped back to src through the source maps). A line counts as covered when either run covered
// it. Branches cannot be matched between the two tools' maps, so a file's branch figure is the better of
// the two: a lower bound.
import fs from 'node:fs';
import path from 'node:path';
import libCoverage from 'istanbul-lib-coverage';

const load = (file) => libCoverage.createCoverageMap(JSON.parse(fs.readFileSync(file, 'utf8')));
const runs = [load('coverage/in-process/coverage-final.json'), load('coverage/cli/coverage-final.json')];
const root = path.resolve('src');

function fileFigures(file) {
  const lines = new Map();
  let branches = [0, 0];
  for (const run of runs) {
    if (!run.files().includes(file)) continue;
    const coverage = run.fileCoverageFor(file);
    for (const [line, hits] of Object.entries(coverage.getLineCoverage()))
      lines.set(line, (lines.get(line) ?? 0) + hits);
    const { covered, total } = coverage.toSummary().branches;
    if (total && (!branches[1] || covered / total > branches[0] / branches[1])) branches = [covered, total];
  }
  const covered = [...lines.values()].filter((hits) => hits > 0).length;
  return { lines: [covered, lines.size], branches };
}

const files = [...new Set(runs.flatMap((run) => run.files()))].filter((f) => f.startsWith(root + path.sep));
const folders = new Map();
const add = (sum, [covered, total]) => [sum[0] + covered, sum[1] + total];
for (const file of files) {
  const relative = path.relative(root, file);
  const folder = relative.includes(path.sep) ? relative.split(path.sep)[0] : '';
  const figures = fileFigures(file);
  const entry = folders.get(folder) ?? { lines: [0, 0], branches: [0, 0], files: [] };
  entry.lines = add(entry.lines, figures.lines);
  entry.branches = add(entry.branches, figures.branches);
  entry.files.push({ name: relative, ...figures });
  folders.set(folder, entry);
}

const pct = ([covered, total]) => (total ? ((100 * covered) / total).toFixed(1) : '–');
const rows = [['folder', 'lines %', 'branches % (at least)', 'least-covered module (lines %)']];
let all = { lines: [0, 0], branches: [0, 0] };
for (const [folder, entry] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
  const least = entry.files
    .filter((f) => f.lines[1] > 0)
    .sort((a, b) => a.lines[0] / a.lines[1] - b.lines[0] / b.lines[1])[0];
  rows.push([
    `src/${folder}`,
    pct(entry.lines),
    pct(entry.branches),
    least ? `${least.name} (${pct(least.lines)})` : '',
  ]);
  all = { lines: add(all.lines, entry.lines), branches: add(all.branches, entry.branches) };
}
rows.push(['all', pct(all.lines), pct(all.branches), '']);
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const row of rows)
  console.log(
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
