import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Loopback fakes of the services report-miner fetches from, answering in their published shapes:
 * the Committees API (its OpenAPI schemas: OralEvidence, Publication, PublicationType; a session's
 * document as DocumentFileDetail, the file in base64; a publication's document as DocumentFile, the
 * file at its `url`, given in the listing or by the document endpoint), HM Inspectorate of Probation's old site (a listing
 * paged with ?paged=N, a landing page per inspection dated in its metadata block, the report PDF
 * under wp-content/uploads) and its 2025 site (HTML report pages under /document/, and the old
 * host redirecting there).
 */
export interface ServicesFake {
  /** The old site and the Committees API, on one host. */
  old: string;
  /** The inspectorate's 2025 site, another host. */
  next: string;
  count(path: string): number;
  close(): Promise<void>;
}

export interface FakeFiles {
  transcript: string;
  report: string;
  suffolk: string;
  london: string;
}

/** A government response, in the words such documents use (constructed for the test). */
const RESPONSE_HTML = `<!doctype html><html><head><title>Transforming Rehabilitation: Government Response</title></head><body>
<h1>Government Response to the Justice Committee's Ninth Report of Session 2017–19</h1>
<p>Recommendation 1: The Ministry should publish its review of the probation contracts by the end of the year. (Paragraph 42)</p>
<p>Government response: The Government accepts this recommendation and will publish the review in December.</p>
<p>Recommendation 2: HMPPS should set a maximum caseload for probation officers. (Paragraph 57)</p>
<p>Government response: The Government does not accept this recommendation. Caseloads are managed locally.</p>
</body></html>`;

/** The 2025 site's report page: a whole report as HTML, its sections as headings. */
const NEW_REPORT_HTML = `<!doctype html><html><head><title>An inspection of probation services: North East region 2025</title></head><body>
<main><h1>An inspection of probation services: North East region</h1><p>Published: 14 May 2025</p>
<h2>Overall rating</h2><p>The North East region was rated ‘Requires improvement’ overall. Probation practitioners told us that caseloads of over 60 were common.</p>
<h2>Leadership</h2><p>Leaders had a clear vision, but too many staff were new to the work and needed support.</p></main></body></html>`;

export async function startServicesFake(files: FakeFiles): Promise<ServicesFake> {
  const transcript = fs.readFileSync(files.transcript);
  const report = fs.readFileSync(files.report);
  const suffolk = fs.readFileSync(files.suffolk);
  const london = fs.readFileSync(files.london);
  const hits = new Map<string, number>();
  let next = '';

  /** DocumentFileDetail: { fileName, fileSize, fileDataFormat, url, data } with the file in base64. */
  const wrapped = (res: http.ServerResponse, file: Buffer, fileName: string, format: string, type: string) => {
    const body = JSON.stringify({
      fileName,
      fileSize: file.length,
      fileDataFormat: format,
      url: null,
      data: file.toString('base64'),
    });
    return res.writeHead(200, { 'content-type': type }).end(body);
  };
  const json = (res: http.ServerResponse, value: unknown) =>
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
  const page = (res: http.ServerResponse, body: string | Buffer, type = 'text/html; charset=utf-8') =>
    res.writeHead(200, { 'content-type': type }).end(body);

  /** OralEvidence items, in no particular order, as the API gives them. */
  const sessions = [
    {
      id: 201,
      meetingDate: '2021-03-23T00:00:00',
      publicationDate: '2021-03-30T00:00:00',
      committeeBusinesses: [{ id: 1, title: 'The work of the Ministry of Justice' }],
      hcNumbers: [{ number: '1192', sessionId: 31, sessionDescription: '2019-21' }],
      witnesses: [
        {
          name: 'Jo Farrar',
          submitterType: 'Individual',
          organisations: [{ name: 'HM Prison & Probation Service', role: 'Chief Executive Officer' }],
        },
        { name: null, submitterType: 'Organisation', organisations: [{ name: 'Napo', role: null }] },
      ],
      document: {
        id: 11,
        files: [{ fileName: 'transcript.html', fileSize: transcript.length, fileDataFormat: 'Html' }],
      },
    },
    // The newest session: no transcript yet.
    { id: 202, meetingDate: '2021-06-01T00:00:00', committeeBusinesses: [], witnesses: [], document: null },
    // Dated only by activityStartDate; lists a PDF the document endpoint fails to give.
    {
      id: 203,
      meetingDate: null,
      activityStartDate: '2021-05-11T10:00:00',
      committeeBusinesses: [{ id: 2, title: 'Probation reform' }],
      witnesses: null,
      document: { id: 12, files: [{ fileName: 'transcript.pdf', fileDataFormat: 'Pdf' }] },
    },
  ];

  /**
   * Publications of the Justice Committee: a report (PDF) and the government's response (HTML), each shaped as the
   * spec's Committees.Common.Responses.Publication: one `hcNumber` (HouseNumber), `hlPaper` null for a Commons paper,
   * `businesses` (CommitteeBusinessSummary), `responseToPublicationId` on the response, `documents` (Document).
   */
  const publications = [
    {
      id: 502,
      description: 'Transforming Rehabilitation: Government Response to the Committee’s Ninth Report',
      publicationStartDate: '2018-10-01T00:00:00',
      publicationEndDate: null,
      type: {
        id: 12,
        name: 'Government Response',
        description: null,
        governmentCanRespond: false,
        canBeResponse: true,
      },
      committee: { id: 102, name: 'Justice Committee' },
      businesses: [{ id: 3, title: 'Transforming Rehabilitation', openDate: '2017-10-12T00:00:00', closeDate: null }],
      hcNumber: { number: '1745', sessionId: 30, sessionDescription: '2017-19' },
      hlPaper: null,
      responseToPublicationId: 501,
      respondingDepartment: { id: 7, name: 'Ministry of Justice' },
      // Document: its DocumentFile gives no url here, so the document endpoint is asked where the file is.
      documents: [
        { publicationId: 502, documentId: 9002, files: [{ fileName: 'response.html', fileDataFormat: 'Html' }] },
      ],
    },
    {
      id: 501,
      description: 'Transforming Rehabilitation',
      publicationStartDate: '2018-06-22T00:00:00',
      type: { id: 1, name: 'Report', description: null },
      publicationEndDate: null,
      committee: { id: 102, name: 'Justice Committee' },
      businesses: [{ id: 3, title: 'Transforming Rehabilitation', openDate: '2017-10-12T00:00:00', closeDate: null }],
      hcNumber: { number: '482', sessionId: 30, sessionDescription: '2017-19' },
      hlPaper: null,
      responseToPublicationId: null,
      respondingDepartment: null,
      // Document: its DocumentFile says where the file is, as the API's listings do.
      documents: [
        {
          publicationId: 501,
          documentId: 9001,
          files: [
            {
              fileName: '482.pdf',
              fileSize: 1000,
              fileDataFormat: 'Pdf',
              url: '/publications/482/documents/9001/default/',
            },
          ],
        },
      ],
    },
  ];

  function oldSite(url: URL, res: http.ServerResponse): http.ServerResponse {
    const path = url.pathname;
    const q = url.searchParams;
    switch (path) {
      case '/api/OralEvidence':
        // PAC's sessions: none, and the API says so with items: null.
        if (q.get('CommitteeId') === '127') return json(res, { totalResults: 0, items: null });
        return json(res, { totalResults: sessions.length, items: Number(q.get('Skip')) ? [] : sessions });
      case '/api/OralEvidence/201/Document/Html':
        return wrapped(res, transcript, 'transcript.html', 'Html', 'text/plain; charset=utf-8');
      case '/api/OralEvidence/202/Document/Html':
        return res.writeHead(404).end();
      case '/api/OralEvidence/203/Document/Pdf':
        return res.writeHead(500, { 'content-type': 'application/json' }).end('{"title":"An error occurred"}');
      case '/api/PublicationType':
        return json(res, [
          { id: 1, name: 'Report', description: 'Committee reports', plural: 'Reports' },
          { id: 3, name: 'Written Evidence', description: null, plural: null },
          { id: 12, name: 'Government Response', description: null, plural: null },
        ]);
      case '/api/Publications': {
        const types = q.getAll('PublicationTypeIds').map(Number);
        const items = publications.filter((p) => types.includes(p.type.id));
        return json(res, { totalResults: items.length, items: Number(q.get('Skip')) ? [] : items });
      }
      case '/publications/482/documents/9001/default/':
        return page(res, report, 'application/pdf');
      case '/api/Publications/502/Document/9002/Html':
        // GetDocument answers a DocumentFile: where the file is, not the file.
        return json(res, {
          fileName: 'response.html',
          fileSize: RESPONSE_HTML.length,
          fileDataFormat: 'Html',
          url: '/publications/1745/documents/9002/default/',
        });
      case '/publications/1745/documents/9002/default/':
        return page(res, RESPONSE_HTML);
      case '/hmiprobation/inspections/': {
        const n = Number(q.get('paged') ?? 1);
        const landings = n === 1 ? ['suffolk-2017'] : n === 2 ? ['london-crc-2018'] : ['never-read'];
        return page(
          res,
          `<html><body><main>${landings.map((l) => `<article><a href="/hmiprobation/inspections/${l}/">${l}</a></article>`).join('')}
          <nav><a href="/hmiprobation/inspections/?paged=${n + 1}">Next</a> <a href="/hmiprobation/about/">About</a></nav></main></body></html>`,
        );
      }
      case '/hmiprobation/inspections/suffolk-2017/':
        return page(
          res,
          `<html><body><h1>Suffolk</h1><div class="inspection-meta"><p>Date published: <time datetime="2017-06-16">16 June 2017</time></p></div>
          <a href="/hmiprobation/wp-content/uploads/sites/5/2017/06/Suffolk-QI.pdf">Download the report</a></body></html>`,
        );
      case '/hmiprobation/inspections/london-crc-2018/':
        return page(
          res,
          `<html><body><h1>London CRC</h1><div class="inspection-meta"><p>Published: 24 July 2018</p></div>
          <a href="/hmiprobation/wp-content/uploads/sites/5/2018/07/London-CRC.pdf">Download the report</a></body></html>`,
        );
      case '/hmiprobation/wp-content/uploads/sites/5/2017/06/Suffolk-QI.pdf':
        return page(res, suffolk, 'application/pdf');
      case '/hmiprobation/wp-content/uploads/sites/5/2018/07/London-CRC.pdf':
        return page(res, london, 'application/pdf');
      case '/hmiprobation/inspections/north-east-2025/':
        // Since March 2025 the old site sends its reports' readers to the new one.
        return res
          .writeHead(301, { location: `${next}/document/an-inspection-of-probation-services-north-east-region-2025` })
          .end();
      default:
        return res.writeHead(404).end();
    }
  }

  function newSite(url: URL, res: http.ServerResponse): http.ServerResponse {
    if (url.pathname === '/inspections')
      return page(
        res,
        `<html><body><ul><li><a href="/document/an-inspection-of-probation-services-north-east-region-2025">North East region</a></li>
        <li><a href="/about-us">About us</a></li></ul></body></html>`,
      );
    if (url.pathname === '/document/an-inspection-of-probation-services-north-east-region-2025')
      return page(res, NEW_REPORT_HTML);
    return res.writeHead(404).end();
  }

  const serve = (site: (url: URL, res: http.ServerResponse) => http.ServerResponse, prefix: string) =>
    http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const key = `${prefix}${url.pathname}`;
      hits.set(key, (hits.get(key) ?? 0) + 1);
      site(url, res);
    });
  const servers = [serve(oldSite, ''), serve(newSite, 'next:')];
  for (const s of servers) await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const [oldPort, newPort] = servers.map((s) => (s.address() as AddressInfo).port);
  next = `http://127.0.0.1:${newPort}`;
  return {
    old: `http://127.0.0.1:${oldPort}`,
    next,
    count: (path) => hits.get(path) ?? 0,
    close: async () => {
      for (const s of servers) {
        s.closeAllConnections();
        await new Promise<void>((resolve) => {
          s.close(() => {
            resolve();
          });
        });
      }
    },
  };
}
