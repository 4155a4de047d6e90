// HTML export: one self-contained page (inline CSS and SVG charts, no external requests) laid out like a research
// note — title block, contents, numbered sections, tables, figures, references, disclaimer, verification — with
// print CSS for A4, so the same page becomes the PDF.
import { Marked } from 'marked';
import { sanitizeMarkdownHtml } from '../core/sanitize.ts';
import { chartSource, fontStack, renderChartSvg } from './charts.ts';
import { chartTitle, labels, referenceText, reportDate, verificationSummary } from './markdown.ts';
import type { Report } from './types.ts';

const marked = new Marked({ gfm: true, breaks: false });

/**
 * Section Markdown as HTML, sanitised: a paragraph a model reworded may carry markup, and none of it may run a
 * script, handle an event or fetch anything (no images, links only http(s)/mailto/in-page).
 */
function markdownHtml(md: string): string {
  return sanitizeMarkdownHtml(marked.parse(md, { async: false }) as string);
}

/**
 * The page's own policy, for the downloaded file and the PDF printer as much as for the browser: nothing is
 * loaded from anywhere (styles and charts are inline, fonts are the system's), no script runs.
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Citation markers [n] become links to the reference list (only outside tags), glued to the character or two
 * before them in a no-wrap span, so a line (or a page) never starts with a citation.
 */
function linkCitations(html: string, max: number): string {
  const link = (m: string, n: string) => (Number(n) >= 1 && Number(n) <= max ? `<a class="cite" href="#ref-${n}">[${n}]</a>` : m);
  return html.replace(/(>[^<]*)/g, (text) =>
    text.replace(/([^\s>&;]{0,2})((?:\[\d{1,3}\])+)/g, (_, before: string, markers: string) => `<span class="nw">${before}${markers.replace(/\[(\d{1,3})\]/g, link)}</span>`),
  );
}

/** A table cell "value（date）" / "value (date)" (ReportComposer.dated) shows its date under the value. */
const DATED_CELL = /(<td[^>]*>)([^<]+?)(?:（| \()(\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{4}年(?:\d{1,2}月|第[1-4]季度)?|Q[1-4] \d{4}|\d{4})(?:）|\))(<\/td>)/g;

/** Tables of three rows or fewer are kept on one page in print (longer ones break between rows). */
function markShortTables(html: string): string {
  return html.replace(/<table>([\s\S]*?)<\/table>/g, (t, inner: string) => ((inner.match(/<tr>/g)?.length ?? 0) <= 4 ? `<table class="short">${inner}</table>` : t));
}

function stackDates(html: string): string {
  return html.replace(DATED_CELL, (_, open: string, value: string, when: string, close: string) => `${open}${value}<br><span class="d">${when}</span>${close}`);
}

// One font face (Noto Sans CJK SC, regular): every extra face — bold, italic, a serif — costs the PDF export
// about a second of font subsetting, so emphasis is colour and size, not weight.
const CSS = `
:root { --ink:#1c2430; --muted:#5b6675; --rule:#d5dbe3; --accent:#1f4e79; --accent-soft:#eaf1f8; --warn:#8a5a00; }
* { box-sizing: border-box; }
h1, h2, h3, th, strong, b { font-weight: normal; }
html { font-size: 10.5pt; }
body { margin: 0; color: var(--ink); background: #f3f5f8; font-family: var(--font); line-height: 1.7; }
.page { max-width: 900px; margin: 24px auto; background: #fff; padding: 48px 56px; box-shadow: 0 1px 4px rgba(0,0,0,.08); }
.cover { border-top: 6px solid var(--accent); padding-top: 28px; margin-bottom: 28px; }
.brand { color: var(--accent); letter-spacing: .08em; font-size: .9rem; text-transform: uppercase; }
h1 { font-size: 2.2rem; line-height: 1.3; margin: 14px 0 8px; color: #0f2740; }
.subtitle { color: var(--muted); font-size: 1.1rem; margin: 0 0 20px; }
.meta { width: 100%; border-collapse: collapse; font-size: .9rem; margin: 0; }
.meta td { padding: 5px 10px 5px 0; border: none; text-align: left; vertical-align: top; }
.meta td:first-child { color: var(--muted); width: 9em; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; background: #e3f3e6; color: #1e6b35; font-size: .85rem; }
.badge.bad { background: #fbeede; color: var(--warn); }
nav.toc { background: var(--accent-soft); border-left: 4px solid var(--accent); padding: 14px 20px; margin: 24px 0 32px; }
nav.toc h2 { font-size: 1.05rem; margin: 0 0 6px; border: none; padding: 0; }
nav.toc ol { margin: 0; padding-left: 1.6em; columns: 2; column-gap: 32px; font-size: .95rem; }
nav.toc a { color: var(--ink); text-decoration: none; }
section.chapter { margin-top: 30px; }
h2 { font-size: 1.45rem; color: #0f2740; border-bottom: 2px solid var(--accent); padding-bottom: 4px; margin: 34px 0 14px; }
h2 .num { color: var(--accent); margin-right: .5em; }
p { margin: 0 0 .9em; text-align: justify; }
/* a narrow screen has too few words a line to justify without wide gaps (English with long numbers, URLs) */
@media (max-width: 640px) { p { text-align: left; } nav.toc ol { columns: 1; } }
strong { color: #0b4a85; }
blockquote { margin: 1em 0 1.2em; padding: 10px 16px; background: #f4f7fa; border-left: 3px solid #7f9bb8; color: #34475c; font-size: .93rem; }
blockquote p { margin: 0; text-align: left; }
table { width: 100%; border-collapse: collapse; margin: 12px 0 18px; font-size: .85rem; line-height: 1.45; }
thead th { background: var(--accent); color: #fff; padding: 7px 8px; text-align: left; vertical-align: bottom; }
thead th[align="right"] { text-align: right; }
td { padding: 6px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
tbody tr:nth-child(even) td { background: #f8fafc; }
td[align="right"] { font-variant-numeric: tabular-nums; white-space: nowrap; }
td .d { color: var(--muted); font-size: .85em; }
figure { margin: 18px 0 24px; text-align: center; }
figure svg { max-width: 100%; height: auto; }
a.cite { color: var(--accent); text-decoration: none; font-size: .78em; vertical-align: super; line-height: 0; }
.nw { white-space: nowrap; }
ul { padding-left: 1.4em; } li { margin: .3em 0; }
.refs ol { font-size: .82rem; line-height: 1.5; padding-left: 2.2em; }
.refs li { margin: .35em 0; word-break: break-word; }
.refs a { color: var(--accent); }
.box { border: 1px solid var(--rule); border-radius: 6px; padding: 12px 16px; margin: 18px 0; font-size: .9rem; }
.box h2 { font-size: 1.05rem; margin: 0 0 6px; border: none; padding: 0; }
.box.disclaimer { background: #fffaf0; border-color: #ecd9b0; }
.box.check { background: #f2f8f3; border-color: #c6e0cc; }
.box.keypoints { background: var(--accent-soft); border-color: #c5d6e8; font-size: .95rem; }
.box.keypoints ul { margin: 0; }
.box.keypoints li { margin: .35em 0; }
footer.end { color: var(--muted); font-size: .8rem; margin-top: 24px; text-align: center; }
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
@media print {
  html { font-size: 10pt; }
  body { background: #fff; }
  .page { box-shadow: none; margin: 0; padding: 0; max-width: none; }
  .cover { margin-bottom: 12px; }
  nav.toc { break-inside: avoid; }
  section.chapter { margin-top: 12px; }
  h2 { break-after: avoid; margin-top: 22px; }
  figure, blockquote, tr, .box { break-inside: avoid; }
  /* a table of three rows or fewer stays on one page; a longer one may continue on the next between rows, its
     header repeated (kept whole, a table in front of its section pushed heading and table to the next page and
     left half a page empty) */
  table.short { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; }
}
`;

export interface HtmlOptions {
  /** Chart SVGs already rendered (in report order); rendered here otherwise. */
  svgs?: string[];
}

/** All charts of a report rendered to SVG, in report order. */
export function renderCharts(r: Report): string[] {
  return r.sections.flatMap((s) => s.charts.map((c) => renderChartSvg(c)));
}

export function toHtml(r: Report, opts: HtmlOptions = {}): string {
  const l = labels(r.language);
  const svgs = opts.svgs ?? renderCharts(r);
  const nSources = r.sources.length;
  let fig = 0;
  const sections = r.sections
    .map((s, i) => {
      const body = linkCitations(markShortTables(stackDates(markdownHtml(s.markdown))), nSources);
      const figures = s.charts
        .map((c) => {
          const svg = svgs[fig++] ?? '';
          const source = chartSource(c);
          return `<figure role="img" aria-label="${escapeHtml([chartTitle(c), source].filter(Boolean).join(' — '))}">${svg}</figure>`;
        })
        .join('\n');
      return `<section class="chapter" id="s${i + 1}"><h2><span class="num">${i + 1}</span>${escapeHtml(s.heading)}</h2>\n${body}\n${figures}</section>`;
    })
    .join('\n');
  const toc = r.sections.map((s, i) => `<li><a href="#s${i + 1}">${escapeHtml(s.heading)}</a></li>`).join('');
  const refs = r.sources
    .map((s) => `<li id="ref-${s.n}" value="${s.n}">${escapeHtml(referenceText(s, r.language))}${r.language === 'zh' ? '。' : '. '}<a href="${escapeHtml(s.url)}">${escapeHtml(s.url)}</a></li>`)
    .join('\n');
  const takeaways = r.sections.find((s) => s.id === 'takeaways');
  const keyPoints = takeaways ? `<div class="box keypoints"><h2>${escapeHtml(r.language === 'zh' ? '报告要点' : 'Key points')}</h2>${linkCitations(markdownHtml(takeaways.markdown), nSources)}</div>` : '';
  const ok = r.verification.unsupported.length === 0;
  const badge = r.language === 'zh' ? (ok ? `全部${r.verification.supported}个数字已核实` : `${r.verification.unsupported.length}个数字未核实`) : ok ? `all ${r.verification.supported} numbers verified` : `${r.verification.unsupported.length} numbers unverified`;
  const meta = [
    [l.date, reportDate(r)],
    ...(r.dataAsOf ? [[l.asOf, r.dataAsOf]] : []),
    [r.language === 'zh' ? '事实与来源' : 'Facts and sources', r.language === 'zh' ? `${r.facts.length}个计算事实，${r.sources.length}个来源` : `${r.facts.length} computed facts, ${r.sources.length} sources`],
    [l.check, `<span class="badge${ok ? '' : ' bad'}">${escapeHtml(badge)}</span>`],
  ]
    .map(([k, v]) => `<tr><td>${escapeHtml(k!)}</td><td>${v!.startsWith('<span') ? v : escapeHtml(v!)}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="${r.language === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(r.title)}</title>
<style>:root { --font: ${fontStack(r.language)}; }${CSS}</style>
</head>
<body>
<div class="page">
<header class="cover">
<div class="brand">${r.language === 'zh' ? '有据 fincite · 深度研究报告' : 'fincite · Deep research report'}</div>
<h1>${escapeHtml(r.title)}</h1>
${r.subtitle ? `<p class="subtitle">${escapeHtml(r.subtitle)}</p>` : ''}
<table class="meta">${meta}</table>
${keyPoints}
<div class="box disclaimer"><h2>${escapeHtml(l.disclaimer)}</h2>${escapeHtml(r.disclaimer)}</div>
</header>
<nav class="toc"><h2>${escapeHtml(l.toc)}</h2><ol>${toc}</ol></nav>
${sections}
<section class="refs" id="references"><h2>${escapeHtml(l.refs)}</h2><ol>
${refs}
</ol></section>
<div class="box disclaimer"><h2>${escapeHtml(l.disclaimer)}</h2>${escapeHtml(r.disclaimer)}</div>
<div class="box check"><h2>${escapeHtml(l.check)}</h2>${escapeHtml(verificationSummary(r))}</div>
<footer class="end">fincite · ${escapeHtml(r.generatedAt)}</footer>
</div>
</body>
</html>
`;
}
