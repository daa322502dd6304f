// The 30 fixed queries of the benchmark, each beside the bare SQL it reduces to: the same MATCH,
// the same filters and the same ranking, returning the same twenty rows, without what the query
// module adds (query parsing, validation, the count of every match, snippets, citations).

const FTS = {
  passages: { fts: 'passages_fts', ranking: 'bm25(passages_fts, 1.0, 0.2)' },
  quotes: { fts: 'quotes_fts', ranking: 'bm25(quotes_fts)' },
  recommendations: { fts: 'recommendations_fts', ranking: 'bm25(recommendations_fts)' },
};

/** The bare statement: MATCH, then (only when filtering) the joins the filters need. */
function bareSql(table, where) {
  const { fts, ranking } = FTS[table];
  const joins = where ? `JOIN ${table} t ON t.id = f.rowid JOIN documents d ON d.id = t.document_id` : '';
  return `SELECT f.rowid FROM ${fts} f ${joins} WHERE ${fts} MATCH ? ${where ? `AND ${where}` : ''} ORDER BY ${ranking}, f.rowid LIMIT 20`;
}

const year = (from, to) =>
  [
    from && `CAST(substr(d.published, 1, 4) AS INTEGER) >= ${from}`,
    to && `CAST(substr(d.published, 1, 4) AS INTEGER) <= ${to}`,
  ]
    .filter(Boolean)
    .join(' AND ');

/** Each query: a name, what the query module is asked, and the bare statement with its MATCH expression. */
export function benchmarkQueries(index, toFtsQuery) {
  const prepared = new Map();
  const bare = (table, where, match) => {
    const sql = bareSql(table, where);
    if (!prepared.has(sql)) prepared.set(sql, index.db.prepare(sql));
    const statement = prepared.get(sql);
    return () => statement.all(match);
  };
  const text = (q) => `text : (${toFtsQuery(q).match})`;
  /** A query of one kind: the query module's search for it, and its bare statement. */
  const searchOf =
    (table, search) =>
    (q, filters = {}, where = '') => ({
      name: `${table}: ${q}${Object.keys(filters).length ? ` ${JSON.stringify(filters)}` : ''}`,
      run: () => {
        const r = search(q, { limit: 20, ...filters });
        return [r.total, [...r.hits]];
      },
      bare: bare(table, where, text(q)),
    });
  const passage = searchOf('passages', (q, f) => index.searchPassages(q, f));
  const quotes = searchOf('quotes', (q, f) => index.searchQuotes(q, f));
  const recommendations = searchOf('recommendations', (q, f) => index.searchRecommendations(q, f));
  return [
    // common and rare words
    passage('probation'),
    passage('the'),
    passage('caseload'),
    passage('caseloads unmanageable'),
    passage('stress'),
    passage('workload'),
    passage('Rainsbrook'),
    passage('Napo'),
    passage('zzzunlikelyword'),
    // phrases and prefixes
    passage('"through the gate"'),
    passage('"two thirds"'),
    passage('"probation service"'),
    passage('"Transforming Rehabilitation"'),
    passage('caseload*'),
    passage('rehab*'),
    passage('inspect*'),
    // exclusion and OR
    passage('probation -CRC'),
    passage('staff -NPS -CRC'),
    passage('PSO OR PO'),
    passage('prison OR probation staff'),
    passage('Ministry of Justice'),
    // year and type filters
    passage('probation', { from: 2018, to: 2020 }, year(2018, 2020)),
    passage('staff', { type: 'inspection' }, "d.type = 'inspection'"),
    passage('caseload', { type: 'research', from: 2020 }, `d.type = 'research' AND ${year(2020)}`),
    // quotes by role and organisation, recommendations by addressee
    quotes(
      'stress',
      { role: 'PSO', organisation: 'CRC' },
      "t.role = 'PSO' COLLATE NOCASE AND t.organisation LIKE '%CRC%'",
    ),
    quotes('caseload', { role: 'PO' }, "t.role = 'PO' COLLATE NOCASE"),
    quotes('probation', {}, ''),
    recommendations('staff', { addressee: 'HMPPS' }, "t.addressee LIKE '%HMPPS%'"),
    recommendations('probation', { addressee: 'Ministry of Justice' }, "t.addressee LIKE '%Ministry of Justice%'"),
    recommendations('caseload*', {}, ''),
  ];
}
