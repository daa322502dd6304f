import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readHtml } from '../src/ingest/readers/html.js';
import { fixture } from './helpers.js';

const html = (body: string) =>
  new TextEncoder().encode(`<!DOCTYPE html><html><head><title>T</title></head><body>${body}</body></html>`);

describe('readHtml', () => {
  it('reads the oral-evidence page: main content in order, furniture dropped', () => {
    const doc = readHtml(new Uint8Array(fs.readFileSync(fixture('justice-committee-oral-evidence-2021-03-23.html'))));
    const texts = doc.blocks.map((b) => b.text);
    expect(doc.declared).toMatchObject({
      title: 'Oral evidence: The work of the Ministry of Justice',
      date: '2021-03-23',
    });
    expect(texts).not.toContain('UK Parliament Committees');
    expect(texts.some((t) => t.includes('font-family'))).toBe(false);
    expect(doc.blocks).toContainEqual({
      kind: 'list-item',
      text: 'Jo Farrar, Chief Executive Officer, HM Prison & Probation Service',
      page: null,
      level: 0,
    });
    expect(texts).toContain('Q8 Chair: In any event, you will be spending less time on prisons and probation.');
    expect(texts.indexOf('Witnesses')).toBeLessThan(texts.findIndex((t) => t.startsWith('Q5 Chair:')));
  });

  it('reads the blog post with its date heading, and block quotes as quotes', () => {
    const doc = readHtml(
      new Uint8Array(fs.readFileSync(fixture('on-probation-annual-report-reactions-2017-12-14.html'))),
    );
    expect(doc.declared).toMatchObject({ siteName: 'On Probation', date: '2017-12-14' });
    expect(doc.blocks).toContainEqual({ kind: 'heading', text: 'Thursday, 14 December 2017', page: null, level: 2 });
    const quoted = doc.blocks.filter((b) => b.kind === 'quote');
    expect(quoted.length).toBeGreaterThan(3);
    expect(quoted[0]!.text).toMatch(/^The Chief Inspector of Probation's Annual Report published today/);
  });

  it('drops scripts, styles, navigation, comment threads and hidden elements', () => {
    const doc = readHtml(
      html(`<nav><a>Home</a></nav><script>var x = "<p>not text</p>";</script><style>p{}</style>
        <article><h2>Title</h2><p>Body <em>text</em>.</p><div class="comments"><p>A reader's comment</p></div>
        <p hidden>secret</p><table><tr><th>Standard</th><td>Rating</td></tr></table></article>`),
    );
    expect(doc.blocks.map((b) => b.text)).toEqual(['Title', 'Body text.', 'Standard | Rating']);
  });

  it('reads where a page says it is published: its canonical link, else og:url, absolute http(s) only', () => {
    const page = (head: string) =>
      readHtml(new TextEncoder().encode(`<html><head>${head}</head><body><p>Text.</p></body></html>`)).declared.url;
    expect(
      page(
        '<meta property="og:url" content="https://example.org/og"><link rel="Canonical" href="https://example.org/report">',
      ),
    ).toBe('https://example.org/report');
    expect(page('<link rel="alternate canonical" href="http://example.org/a?b=1">')).toBe('http://example.org/a?b=1');
    expect(page('<meta property="og:url" content=" https://example.org/og ">')).toBe('https://example.org/og');
    expect(
      page('<link rel="canonical" href="/relative/path"><meta property="og:url" content="https://example.org/og">'),
    ).toBe('https://example.org/og');
    expect(page('<link rel="canonical" href="javascript:alert(1)">')).toBeNull();
    expect(page('<link rel="stylesheet" href="https://example.org/style.css">')).toBeNull();
    expect(page('')).toBeNull();
  });

  it('decodes a page declared as windows-1252', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('<html><head><meta charset="windows-1252"></head><body><p>'),
      0x93,
      0x51,
      0x94,
      0x20,
      0xa3,
      0x35,
      ...new TextEncoder().encode('</p></body></html>'),
    ]);
    expect(readHtml(bytes).blocks[0]!.text).toBe('“Q” £5');
  });
});
