// `fincite report "<topic>"`: a thin adapter over src/report — open the database (loading it on first use), build
// the report, export it and write it to --out or stdout. Errors are typed; main.ts turns them into messages.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { loadConfig } from '../config.ts';
import { checkText } from '../core/text-input.ts';
import { ensureLoaded } from '../data/bootstrap.ts';
import { detectLanguage } from '../engine/understand/lang.ts';
import type { ReportFormat } from '../report/types.ts';
import { openDatabase } from '../store/db.ts';

const MAX_TOPIC_LENGTH = 200;
const FORMATS: ReportFormat[] = ['md', 'html', 'pdf', 'json'];

export function registerReportCommand(program: Command, lang: () => 'zh' | 'en'): void {
  program
    .command('report')
    .description('write a deep research report on a topic (缩表/QT, 通胀/inflation, 就业/labour market, 收益率曲线/yield curve, or a company)')
    .argument('<topic>', 'the topic, in Chinese or English, e.g. "缩表", "inflation", "NVDA"')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('md'))
    .option('--out <file>', 'write to this file (Markdown also writes its figures as <file>-figN.svg); default: stdout, or a .pdf file in the current directory for PDF')
    .addHelpText('after', '\nThe report is written in the topic\'s language; --lang zh|en (before or after the command) chooses it explicitly.')
    .action(async (raw: string, opts: { format: ReportFormat; out?: string }) => {
      // the one text check of every interface: control characters, lone surrogates, the length limit
      const topic = checkText(raw, 'reportTopic', { max: MAX_TOPIC_LENGTH });
      const language = program.getOptionValueSource('lang') === 'cli' ? lang() : detectLanguage(topic);
      // loaded on use: the report builder brings ECharts, marked and playwright-core
      const { buildReport, exportReport, renderChartSvg } = await import('../report/index.ts');
      const config = loadConfig();
      const db = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.pgliteDir });
      try {
        await ensureLoaded(db, config, { onMode: (c) => process.stderr.write(`${c.reason}\n`) });
        const report = await buildReport(db, topic, { lang: language, llm: config.llm });
        const out = opts.out ?? (opts.format === 'pdf' ? `fincite-report-${report.topic.replace(/[^A-Za-z0-9.-]+/g, '-')}-${language}.pdf` : undefined);
        let figureLink: ((i: number) => string) | undefined;
        if (out && opts.format === 'md') {
          const charts = report.sections.flatMap((s) => s.charts);
          const base = out.replace(/\.(md|markdown)$/i, '');
          await mkdir(path.dirname(path.resolve(out)), { recursive: true });
          await Promise.all(charts.map((c, i) => writeFile(`${base}-fig${i + 1}.svg`, renderChartSvg(c))));
          figureLink = (i) => `${path.basename(base)}-fig${i + 1}.svg`;
        }
        const body = await exportReport(report, opts.format, figureLink ? { figureLink } : {});
        if (!out) {
          process.stdout.write(body);
          return;
        }
        await mkdir(path.dirname(path.resolve(out)), { recursive: true });
        await writeFile(out, body);
        const v = report.verification;
        process.stderr.write(
          language === 'zh'
            ? `已写入 ${out}(${report.sections.length} 节,${report.facts.length} 个事实,${report.sources.length} 个来源;${v.supported}/${v.numbers} 个数字已核实)\n`
            : `wrote ${out} (${report.sections.length} sections, ${report.facts.length} facts, ${report.sources.length} sources; ${v.supported}/${v.numbers} numbers verified)\n`,
        );
      } finally {
        await db.close();
      }
    });
}
