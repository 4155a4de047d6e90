// Deep research reports: `buildReport(db, topic, {lang})` plans the sections of a topic, fills them with computed
// Facts, charts and cited passages, verifies every number and returns a Report; `exportReport` turns it into
// Markdown, HTML, PDF or JSON. Interfaces (CLI, HTTP, web) call these and nothing else.
import { toHtml, renderCharts } from './html.ts';
import { toMarkdown } from './markdown.ts';
import { htmlToPdf, type PdfOptions } from './pdf.ts';
import type { Report, ReportFormat } from './types.ts';

export { buildReport, listCompanies, resolveReportTopic } from './build.ts';
export { REPORT_DISCLAIMER } from './compose.ts';
export { renderChartSvg, CHART_FONT } from './charts.ts';
export { ChromiumMissingError, EmptyTopicError, NotHeldTopicError, PdfExportError, UnknownTopicError } from './errors.ts';
export { renderCharts, toHtml } from './html.ts';
export { toMarkdown, verificationSummary } from './markdown.ts';
export { CHROMIUM_FLAGS, DEFAULT_CHROMIUM, chromiumPath, htmlToPdf, pdfUnavailable } from './pdf.ts';
export { resolveTopic, TOPICS, topicId, type ResolvedTopic, type TopicInfo } from './topics.ts';
export type { ChartOption, Report, ReportFormat, ReportOptions, ReportSection, ReportStep } from './types.ts';

export const REPORT_FORMATS: ReportFormat[] = ['md', 'html', 'pdf', 'json'];

export interface ExportOptions extends PdfOptions {
  /** Markdown only: where figure i is written, to link it. */
  figureLink?: (index: number) => string;
}

/** The report in one format: text for md/html/json, bytes for pdf. */
export async function exportReport(report: Report, format: ReportFormat, opts: ExportOptions = {}): Promise<string | Buffer> {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'md':
      return toMarkdown(report, opts.figureLink ? { figureLink: opts.figureLink } : {});
    case 'html':
      return toHtml(report);
    case 'pdf':
      return htmlToPdf(toHtml(report, { svgs: renderCharts(report) }), { ...opts, footerTitle: opts.footerTitle ?? report.title, lang: report.language });
  }
}
