// Benchmark: deep research reports — time to build each topic's report and export it as Markdown, HTML and PDF,
// next to two in-run baselines: reading the series the report cites from the database, and one engine answer.
// Targets: < 3 s for Markdown/HTML, < 6 s for PDF (each figure includes building the report). Prints the figures
// and writes bench/results/report.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { openBenchDatabase } from './snapshot-db.ts';
import { createEngine } from '../src/engine/index.ts';
import { buildReport, exportReport, pdfUnavailable, type Report, type ReportFormat } from '../src/report/index.ts';
import * as repo from '../src/store/repo.ts';

const TARGET_MS: Record<'md' | 'html' | 'pdf', number> = { md: 3000, html: 3000, pdf: 6000 };
const TOPICS: Array<{ topic: string; lang: 'zh' | 'en' }> = [
  { topic: '缩表', lang: 'zh' },
  { topic: 'QT', lang: 'en' },
  { topic: '通胀', lang: 'zh' },
  { topic: '就业', lang: 'zh' },
  { topic: '收益率曲线', lang: 'zh' },
  { topic: '英伟达投资研究报告', lang: 'zh' },
  // topics written by the research planner's generic plan, and a comparison of companies
  { topic: '信用利差', lang: 'zh' },
  { topic: 'money markets', lang: 'en' },
  { topic: '中国市场', lang: 'zh' },
  { topic: 'housing', lang: 'en' },
  { topic: '苹果和微软对比', lang: 'zh' },
];
const RUNS = Number(process.env.FINCITE_BENCH_RUNS ?? 3);

const { db, config } = await openBenchDatabase('fincite-bench-report');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
};
const round = (x: number) => Math.round(x);
const time = async <T>(fn: () => Promise<T>): Promise<[number, T]> => {
  const t = performance.now();
  const v = await fn();
  return [performance.now() - t, v];
};

const loadStart = loadavg()[0]!;
const pdfSkip = pdfUnavailable();
if (pdfSkip) console.log(`PDF skipped: ${pdfSkip}`);

// Baseline 1: one engine answer (warm: the second ask of the same question in the process).
const engine = createEngine({ db });
await engine.ask('美联储总资产最新是多少?');
const [askMs] = await time(() => engine.ask('美联储总资产最新是多少?'));

interface Row {
  topic: string;
  lang: string;
  title: string;
  sections: number;
  facts: number;
  sources: number;
  charts: number;
  numbers: number;
  unsupported: number;
  readSeriesMs: number;
  buildMs: number;
  mdMs: number;
  htmlMs: number;
  pdfMs: number | null;
  pdfBytes: number | null;
}
const rows: Row[] = [];
for (const { topic, lang } of TOPICS) {
  // Each figure is a full request: build (reading the series afresh) + export, median of RUNS.
  const builds: number[] = [];
  const per: Record<'md' | 'html' | 'pdf', number[]> = { md: [], html: [], pdf: [] };
  let report: Report | undefined;
  let pdfBytes: number | null = null;
  for (let i = 0; i < RUNS; i++) {
    for (const format of ['md', 'html', 'pdf'] as ReportFormat[]) {
      if (format === 'pdf' && (pdfSkip || i > 0)) continue; // PDF once: it starts a browser each time
      const [ms, out] = await time(async () => {
        const [b, r] = await time(() => buildReport(db, topic, { lang }));
        builds.push(b);
        report = r;
        return exportReport(r, format);
      });
      per[format as 'md' | 'html' | 'pdf'].push(ms);
      if (format === 'pdf') pdfBytes = out.length;
    }
  }
  const r = report!;
  // Baseline 2: only reading the series this report cites.
  const ids = [...new Set(r.sources.filter((s) => s.seriesId).map((s) => s.seriesId!))];
  const [readSeriesMs] = await time(async () => {
    for (const id of ids) await repo.readValues(db, id);
  });
  rows.push({
    topic,
    lang,
    title: r.title,
    sections: r.sections.length,
    facts: r.facts.length,
    sources: r.sources.length,
    charts: r.sections.reduce((n, s) => n + s.charts.length, 0),
    numbers: r.verification.numbers,
    unsupported: r.verification.unsupported.length,
    readSeriesMs: round(readSeriesMs),
    buildMs: round(median(builds)),
    mdMs: round(median(per.md)),
    htmlMs: round(median(per.html)),
    pdfMs: per.pdf.length ? round(median(per.pdf)) : null,
    pdfBytes,
  });
}
await db.close();

const worst = { md: Math.max(...rows.map((r) => r.mdMs)), html: Math.max(...rows.map((r) => r.htmlMs)), pdf: pdfSkip ? null : Math.max(...rows.map((r) => r.pdfMs ?? 0)) };
const result = {
  benchmark: 'report',
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version, loadAverage1mStart: Math.round(loadStart * 100) / 100, loadAverage1mEnd: Math.round(loadavg()[0]! * 100) / 100 },
  runs: RUNS,
  baselines: { engineAskWarmMs: Math.round(askMs * 100) / 100 },
  topics: rows.map((r) => ({ ...r, ratios: { htmlOverReadSeries: Math.round((r.htmlMs / Math.max(1, r.readSeriesMs)) * 10) / 10, htmlOverAsk: Math.round(r.htmlMs / Math.max(0.01, askMs)), pdfOverHtml: r.pdfMs ? Math.round((r.pdfMs / r.htmlMs) * 10) / 10 : null } })),
  worst,
  targets: { mdMs: TARGET_MS.md, htmlMs: TARGET_MS.html, pdfMs: TARGET_MS.pdf, met: worst.md < TARGET_MS.md && worst.html < TARGET_MS.html && (worst.pdf === null || worst.pdf < TARGET_MS.pdf) },
  ...(pdfSkip ? { pdfSkipped: pdfSkip } : {}),
};

console.log(`report benchmark (${result.machine.cpus} cpus, node ${result.machine.node}, load ${result.machine.loadAverage1mStart} → ${result.machine.loadAverage1mEnd}); baseline: one warm engine ask ${result.baselines.engineAskWarmMs} ms`);
console.log('topic                 lang  facts  build   md      html    pdf      read series  html/read');
for (const r of result.topics) {
  console.log(
    `${r.topic.padEnd(20)}  ${r.lang.padEnd(4)}  ${String(r.facts).padStart(5)}  ${`${r.buildMs}ms`.padStart(6)}  ${`${r.mdMs}ms`.padStart(6)}  ${`${r.htmlMs}ms`.padStart(6)}  ${r.pdfMs === null ? '   —   ' : `${r.pdfMs}ms`.padStart(7)}  ${`${r.readSeriesMs}ms`.padStart(11)}  ${String(r.ratios.htmlOverReadSeries).padStart(8)}×`,
  );
}
console.log(`worst: md ${worst.md} ms, html ${worst.html} ms, pdf ${worst.pdf ?? '—'} ms — targets md/html < ${TARGET_MS.html} ms, pdf < ${TARGET_MS.pdf} ms: ${result.targets.met ? 'met' : 'NOT met'}`);
const dir = path.join(config.repoRoot, 'bench/results');
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'report.json'), JSON.stringify(result, null, 2) + '\n');
console.log(`wrote ${path.relative(process.cwd(), path.join(dir, 'report.json'))}`);
