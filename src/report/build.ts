// buildReport: resolve the topic, run its plan of sections through one ReportComposer, verify, return the Report.
// The hand-written notes (QT, inflation, labour, curve, one company, a comparison of companies) and the generic
// research writer for every other node of the topic graph share the composer and the verifier.
import { DataAccess } from '../engine/data.ts';
import { researchCompanies, topicNode } from '../engine/research/index.ts';
import type { Database } from '../store/db.ts';
import { ReportComposer } from './compose.ts';
import { companiesReport } from './plans/companies.ts';
import { companyReport } from './plans/company.ts';
import { curveReport } from './plans/curve.ts';
import { inflationReport } from './plans/inflation.ts';
import { labourReport } from './plans/labour.ts';
import { qtReport } from './plans/qt.ts';
import { researchReport } from './plans/research.ts';
import { resolveTopic, topicId, type CompanyName, type MacroTopicId, type ResolvedTopic } from './topics.ts';
import type { Report, ReportOptions, ReportWriterInfo } from './types.ts';

const MACRO_PLANS: Record<MacroTopicId, (c: ReportComposer) => Promise<{ title: string; subtitle: string }>> = {
  qt: qtReport,
  inflation: inflationReport,
  labour: labourReport,
  curve: curveReport,
};

export async function listCompanies(db: Database): Promise<CompanyName[]> {
  return researchCompanies(new DataAccess(db));
}

/** Resolve a topic text against the topics and the companies in the database. */
export async function resolveReportTopic(db: Database, topic: string): Promise<ResolvedTopic> {
  return resolveTopic(topic, await listCompanies(db));
}

async function runPlan(c: ReportComposer, resolved: ResolvedTopic, today: string): Promise<{ title: string; subtitle: string }> {
  switch (resolved.kind) {
    case 'company':
      return companyReport(c, resolved.ticker, today);
    case 'companies':
      return companiesReport(c, resolved.tickers, today);
    case 'topic':
      return researchReport(c, topicNode(resolved.id)!, today);
    default:
      return MACRO_PLANS[resolved.kind](c);
  }
}

/** Build the report on a topic ("缩表", "credit", "NVDA", "苹果和微软" …). Throws UnknownTopicError for an unknown topic. */
export async function buildReport(db: Database, topic: string, opts: ReportOptions): Promise<Report> {
  const resolved = await resolveReportTopic(db, topic);
  const data = new DataAccess(db);
  const c = await ReportComposer.create(data, opts.lang, opts.onProgress);
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const head = await runPlan(c, resolved, today);
  let writer: ReportWriterInfo | undefined;
  if (opts.llm) {
    // loaded only when a model is configured: the AI SDK stays out of deterministic report runs
    const { proseRewriter } = await import('../engine/llm/prose.ts');
    opts.onProgress?.({ stage: 'prose' });
    const counts = await c.rewriteProse(proseRewriter(opts.llm, opts.lang, ...(opts.model ? [opts.model] : [])));
    writer = { engine: `${opts.llm.provider}:${opts.llm.model}`, ...counts };
  }
  return c.finish({ ...head, topic: topicId(resolved), generatedAt: new Date().toISOString(), ...(writer ? { writer } : {}) });
}
