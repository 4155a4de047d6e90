// Model-written text on its way to HTML (issue 10, item 3): the Markdown sanitiser keeps plain text as it is and
// removes markup, images and unsafe links; the report page's HTML is sanitised and carries a policy that loads
// nothing; the PDF printer fetches nothing from the network — a report HTML that references a remote image, a
// stylesheet and a font on a loopback server is printed without one request reaching that server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizeMarkdownHtml, sanitizeModelMarkdown } from '../../src/core/sanitize.ts';
import { htmlToPdf, pdfUnavailable, toHtml, type Report } from '../../src/report/index.ts';

describe('sanitizeModelMarkdown', () => {
  it('leaves plain text and Markdown as they are: comparisons, ampersands, quotes, safe links', () => {
    for (const t of ['通胀 <3% 且 > 2%,AT&T 与 "S&P 500"', '> 引用一句\n\n- 列表 **粗体** `code`', 'See [FRED](https://fred.stlouisfed.org/series/WALCL) and [1](#ref-1).', 'a &lt;b&gt; c']) {
      expect(sanitizeModelMarkdown(t)).toEqual({ text: t, removed: [] });
    }
  });

  it.each([
    ['a script and its content', 'ok <script>alert("9.87")</script> end', 'ok  end'],
    ['an event handler on an image', 'x <img src=x onerror="alert(1)"> y', 'x  y'],
    ['an unclosed tag', 'x <img src=x onerror=alert(1) y', 'x '],
    ['an iframe', 'x <iframe src="https://evil.example/"></iframe> y', 'x  y'],
    ['a remote Markdown image', 'x ![chart](https://evil.example/c.png?q=(1)) y', 'x chart y'],
    ['a reference-style image and its definition', '![a][img]\n[img]: https://evil.example/i.png', 'a\n'],
    ['a javascript: link', '[click](javascript:alert(1)) now', 'click now'],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD4=)', 'x'],
    ['an inline style tag', '<style>body{background:url(https://evil.example/b.png)}</style>text', 'text'],
  ])('removes %s', (_name, input, expected) => {
    const r = sanitizeModelMarkdown(input);
    expect(r.text).toBe(expected);
    expect(r.removed.length).toBeGreaterThan(0);
    expect(r.text).not.toMatch(/<[a-z]|javascript:|evil\.example|onerror/i);
  });
});

describe('report HTML', () => {
  const report: Report = {
    title: 'Test <report>',
    language: 'en',
    topic: 'qt',
    sections: [
      {
        heading: 'Prose a model reworded',
        markdown: 'Assets fell [1]. <img src="https://evil.example/p.png" onerror="alert(1)"><script>fetch("https://evil.example/")</script> [more](javascript:alert(1)) ![x](https://evil.example/x.png)\n\n| a | b |\n|---|---:|\n| 1 | 2<br><span class="d">2026-08-19</span> |',
        factIds: [],
        charts: [],
      },
    ],
    facts: [],
    sources: [{ n: 1, kind: 'series', title: 'WALCL: Total assets', publisher: 'FRED', url: 'https://fred.stlouisfed.org/series/WALCL', date: '2026-08-19' }],
    verification: { numbers: 0, supported: 0, unsupported: [] },
    disclaimer: 'Not investment advice.',
    generatedAt: '2026-11-24T00:00:00.000Z',
  };

  it('is sanitised: no script, handler, image or javascript: URL; our own table markup and citation links stay', () => {
    const html = toHtml(report);
    const body = html.slice(html.indexOf('<section class="chapter"'), html.indexOf('<section class="refs"'));
    expect(body).not.toMatch(/<script|<img|onerror|javascript:|evil\.example/i);
    expect(body).toContain('<a class="cite" href="#ref-1">[1]</a>');
    expect(body).toContain('<br /><span class="d">2026-08-19</span>');
    // the page loads nothing, whatever got into it
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:`);
    expect(html).toContain('Test &lt;report&gt;');
  });

  it('sanitizeMarkdownHtml keeps http(s) and in-page links only', () => {
    expect(sanitizeMarkdownHtml('<p><a href="https://a.example/">a</a><a href="#ref-2">b</a><a href="vbscript:x">c</a><a href="//evil.example/">d</a></p>')).toBe('<p><a href="https://a.example/">a</a><a href="#ref-2">b</a><a>c</a><a>d</a></p>');
  });
});

describe('PDF export fetches nothing', () => {
  const missing = pdfUnavailable();
  if (missing && process.env.CI) {
    it('PDF offline (required under CI)', () => {
      throw new Error(`CI requires Chromium for the PDF test: ${missing}`);
    });
  } else if (missing) console.warn(`[skip] PDF offline test skipped: ${missing}`);

  let server: Server;
  let base = '';
  const hits: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/png' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  it.skipIf(Boolean(missing))('a report HTML referencing a remote image, stylesheet, font and script is printed without a request', async () => {
    // first the server is shown to be reachable, so "no hits" below means "not fetched", not "could not connect"
    await fetch(`${base}/probe`);
    expect(hits).toEqual(['/probe']);
    hits.length = 0;
    const html = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${base}/style.css"><style>@font-face { font-family: X; src: url(${base}/font.woff2); } body { font-family: X; background: url(${base}/bg.png); }</style>
<script src="${base}/app.js"></script></head>
<body><h1>Report</h1><img src="${base}/remote.png" alt="remote"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="inline"><iframe src="${base}/frame"></iframe><p>Text stays.</p></body></html>`;
    const blocked: string[] = [];
    const pdf = await htmlToPdf(html, { lang: 'en', footerTitle: 'offline', onBlocked: (u) => blocked.push(u) });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(hits).toEqual([]);
    expect(blocked.some((u) => u.endsWith('/remote.png'))).toBe(true);
    expect(blocked.every((u) => u.startsWith(base))).toBe(true);
  }, 60_000);
});
