import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_MIN_CONFIDENCE } from '../query/findings.js';
import { DEFAULT_TIME_LIMIT_SECONDS } from '../query/time-limit.js';
import type { ChartOptions } from './chart-command.js';
import type { ExportOptions } from './export-command.js';
import type { FetchCommandOptions, RunOptions } from './fetch-command.js';
import type { FiguresOptions, QuotesOptions, RatingsOptions, RecommendationsOptions } from './findings-commands.js';
import type { IngestCommandOptions } from './ingest-command.js';
import { UsageError } from './output.js';
import type { SearchCommandOptions } from './search-command.js';
import type { ServeOptions } from '../web/server.js';

// Each command loads its own modules when run: a listing need not wait for pdfjs or vega to load.
const commands = {
  chart: () => import('./chart-command.js'),
  export: () => import('./export-command.js'),
  fetch: () => import('./fetch-command.js'),
  findings: () => import('./findings-commands.js'),
  ingest: () => import('./ingest-command.js'),
  search: () => import('./search-command.js'),
  serve: () => import('./serve-command.js'),
};

const DEFAULT_DB = 'db/reports.db';

function wholeNumber(min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new InvalidArgumentError(`expected a whole number of at least ${min}, got ${JSON.stringify(value)}`);
    return n;
  };
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535)
    throw new InvalidArgumentError(`expected a port from 0 to 65535, got ${JSON.stringify(value)}`);
  return n;
}

function share(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
    throw new InvalidArgumentError(`expected a number from 0 to 1, got ${JSON.stringify(value)}`);
  return n;
}

function seconds(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 86_400)
    throw new InvalidArgumentError(`expected a number of seconds above 0, got ${JSON.stringify(value)}`);
  return n;
}

/** How long a full-text search may run. */
function timeLimited(command: Command): Command {
  return command.option(
    '--time-limit <seconds>',
    `stop a search that runs longer than this (default ${DEFAULT_TIME_LIMIT_SECONDS})`,
    seconds,
  );
}

function year(value: string): number {
  if (!/^\d{4}$/.test(value))
    throw new InvalidArgumentError(`expected a four-digit year, got ${JSON.stringify(value)}`);
  return Number(value);
}

/** The options of every command that extracts documents. */
function extracting(command: Command): Command {
  return command
    .option('--db <file>', 'index file', DEFAULT_DB)
    .option('--workers <n>', 'extraction threads (default: one per core)', wholeNumber(1))
    .option('--timeout <seconds>', 'give up on a document after this long', wholeNumber(1), 120)
    .option(
      '--max-memory <MB>',
      'stop an extraction that grows the process by more than this (default: half the RAM, at most 4096)',
      wholeNumber(64),
    )
    .option('--quiet', 'no progress bar')
    .option('--no-ocr', 'leave pages without a text layer unread (they are read by OCR unless told)')
    .option('--follow-links', 'follow symbolic links that lead out of the folders given')
    .option(
      '--verbose',
      'also print what extraction noticed in each document and could not use (also: export messages)',
    );
}

/** How many rows a search or listing prints unless told: a screenful, with stderr saying what was held back. */
const DEFAULT_LIMIT = 20;

/** --limit and --offset, the same for search and every listing. */
function paged(command: Command, noun: string): Command {
  return command
    .option('--limit <n>', `how many ${noun} (0 for all)`, wholeNumber(0), DEFAULT_LIMIT)
    .option('--offset <n>', `skip this many ${noun}`, wholeNumber(0), 0);
}

/**
 * --organisation, the library's word, and --org, the short one people type; both set `organisation`.
 * (Commander has no alias for a long flag: the short spelling is a hidden option of the same attribute.)
 */
function byOrganisation(command: Command, description: string): Command {
  return command
    .option('--organisation <organisation>', description)
    .addOption(new Option('--org <organisation>').hideHelp())
    .on('option:org', (value: string) => command.setOptionValue('organisation', value));
}

/** --db, --from, --to, --format, --limit and --offset, which every listing takes. */
function listing(program: Command, name: string, description: string): Command {
  return paged(
    program
      .command(name)
      .description(description)
      .option('--db <file>', 'index file', DEFAULT_DB)
      .option('--from <year>', 'published in or after this year', year)
      .option('--to <year>', 'published in or before this year', year)
      .option('--format <format>', 'table, markdown, json, ndjson or csv', 'table'),
    'rows',
  );
}

/** The whole command line, built without running anything: the CLI parses it, the docs test reads it. */
export function buildProgram(): Command {
  const program = new Command('report-miner')
    .description('Search and cite probation inspection reports, committee reports and oral evidence.')
    .showHelpAfterError('(add --help for usage)')
    // Usage errors are thrown, not exited on, so the CLI gives them its own exit status (set before any subcommand, which inherits it).
    .exitOverride();

  extracting(
    program
      .command('ingest')
      .description('index PDF, HTML and text files (folders are walked recursively)')
      .argument('<paths...>', 'files or folders'),
  ).action(async (paths: string[], opts: IngestCommandOptions) => {
    process.exitCode = await (await commands.ingest()).runIngest(paths, opts);
  });

  program
    .command('fetch')
    .description('download what a sources manifest names into corpus/raw (polite, resumable)')
    .option('--sources <file>', 'the sources manifest', 'corpus/sources.json')
    .option('--out <folder>', 'where documents are stored (default: raw/ beside the manifest)')
    .option('--db <file>', 'index file (holds the fetch records)', DEFAULT_DB)
    .option('--quiet', 'no progress line')
    .action(async (opts: FetchCommandOptions) => {
      process.exitCode = await (await commands.fetch()).runFetch(opts);
    });

  extracting(
    program
      .command('run')
      .description('fetch what is new or changed, then ingest the corpus folder (what npm start does)'),
  )
    .option('--sources <file>', 'the sources manifest; its folder is ingested', 'corpus/sources.json')
    .action(async (opts: RunOptions) => {
      process.exitCode = await (await commands.fetch()).runAll(opts);
    });

  program
    .command('export')
    .description('print every item of a kind as one JSON array (see CONTRACT in the README)')
    .argument('<kind>', 'documents, quotes, ratings, figures, recommendations, responses, voices or messages')
    .option('--db <file>', 'index file', DEFAULT_DB)
    .option('--format <format>', 'json (one array, the contract), ndjson or csv', 'json')
    .option(
      '--min-confidence <0-1>',
      `leave out findings less sure than this (default ${DEFAULT_MIN_CONFIDENCE}; 0 for all)`,
      share,
    )
    .action(async (kind: string, opts: ExportOptions) => {
      process.exitCode = await (await commands.export()).runExport(kind, opts);
    });

  const search = program
    .command('search')
    .description('full-text search: words are ANDed, "a phrase", -exclude, prefix*, OR')
    .argument('<query>', 'what to look for ("" lists every quote or recommendation the filters allow)')
    .option('--db <file>', 'index file', DEFAULT_DB)
    .option('--kind <kind>', 'what to search: passage, quote or recommendation', 'passage')
    .option(
      '--speaker <name>',
      'quotes, or passages of a signed foreword or speech: by a speaker whose name contains this',
    )
    .option('--role <role>', 'quotes: by role (PO, PSO, SPO, Chair, ...); passages: by the office of the voice')
    .option('--quote-kind <kind>', 'quotes: testimony, statement or evidence')
    .option('--addressee <body>', 'recommendations: addressed to a body whose name contains this')
    .option('--type <type>', 'only documents of this type (inspection, committee-report, oral-evidence, blog, ...)')
    .option('--publisher <name>', 'only documents whose publisher contains this')
    .option('--from <year>', 'published in or after this year', year)
    .option('--to <year>', 'published in or before this year', year)
    .option('--raw', 'pass the query to SQLite FTS5 unchanged')
    .option('--format <format>', 'table (hits with their citation), json, ndjson or csv', 'table')
    .option('--json', 'the same as --format json');
  paged(timeLimited(byOrganisation(search, 'quotes: by organisation (CRC, NPS, HMPPS, ...)')), 'hits').action(
    async (query: string, opts: SearchCommandOptions) => {
      process.exitCode = await (await commands.search()).runSearch(query, opts);
    },
  );

  const quotes = listing(
    program,
    'quotes',
    'quotes with who said them and a citation; a query narrows them by their words',
  )
    .argument('[query]', 'words in the quote (same syntax as search)')
    .option('--speaker <name>', 'by a speaker whose name contains this')
    .option('--role <role>', 'by role (PO, PSO, SPO, Chair, ...)')
    .option('--quote-kind <kind>', 'testimony, statement or evidence')
    .option('--type <type>', 'only from documents of this type')
    .option('--publisher <name>', 'only from documents whose publisher contains this');
  timeLimited(byOrganisation(quotes, 'by organisation (CRC, NPS, HMPPS, ...)')).action(
    async (query: string | undefined, opts: QuotesOptions) => {
      process.exitCode = await (await commands.findings()).runQuotes(query, opts);
    },
  );

  listing(program, 'ratings', 'ratings per provider (or group), aspect and year')
    .option('--subject <provider>', 'a provider, by any of its names ("DTV", "London CRC")')
    .option('--aspect <aspect>', 'overall, through the gate, 2.1 Assessment, ...')
    .option('--timeline', 'how the --subject provider’s ratings moved between inspections')
    .action(async (opts: RatingsOptions) => {
      if (opts.timeline && !opts.subject) throw new UsageError('--timeline needs --subject <provider>');
      process.exitCode = await (await commands.findings()).runRatings(opts);
    });

  listing(program, 'figures', 'figures with their sentence and citation')
    .option('--topic <topic>', 'caseload, workload, funding, staffing, compliance or other')
    .option('--subject <text>', 'whose figure, e.g. "CRC staff"')
    .option('--unit <unit>', 'cases, percent, GBP, people, ...')
    .option('--caseload-summary', 'per year and type of provider, the caseload figures found')
    .action(async (opts: FiguresOptions) => {
      process.exitCode = await (await commands.findings()).runFigures(opts);
    });

  listing(program, 'recommendations', 'recommendations with their addressee, answer and citation')
    .option('--addressee <body>', 'addressed to a body whose name contains this')
    .option('--status <status>', 'accepted, partially accepted, not accepted, implemented or unanswered')
    .option('--recurring', 'recommendations made again in two or more years')
    .option('--min-years <n>', 'with --recurring: in at least this many years', wholeNumber(1), 2)
    .option('--similar <id>', 'the same recommendation made in other documents', wholeNumber(1))
    .action(async (opts: RecommendationsOptions) => {
      process.exitCode = await (await commands.findings()).runRecommendations(opts);
    });

  program
    .command('chart')
    .description('draw a chart: ratings (by year) or caseloads (stated caseload sizes by year)')
    .argument('<chart>', 'ratings or caseloads')
    .option('--db <file>', 'index file', DEFAULT_DB)
    .option('--out <file>', 'where to write it: .svg or .png (default <chart>.svg)')
    .option('--from <year>', 'published in or after this year', year)
    .option('--to <year>', 'published in or before this year', year)
    .addOption(new Option('--provider-type <type>', 'only providers of this type').choices(['CRC', 'NPS', 'PDU']))
    .option('--aspect <aspect>', 'ratings: the aspect rated (default overall; "through the gate", ...)')
    .action(async (chart: string, opts: ChartOptions) => {
      process.exitCode = await (await commands.chart()).runChart(chart, opts);
    });

  timeLimited(
    program
      .command('serve')
      .description('a web page for searching, reading and charting the index, on this machine')
      .option('--db <file>', 'index file', DEFAULT_DB)
      .option('--port <n>', 'port to listen on (0: any free one)', port, 8080)
      .option('--host <host>', 'address to listen on; other than 127.0.0.1, other machines can reach it', '127.0.0.1'),
  ).action(async (opts: ServeOptions) => {
    process.exitCode = await (await commands.serve()).runServe(opts);
  });

  return program;
}
