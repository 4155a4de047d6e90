// `fincite report "<topic>"`: a thin adapter over src/report — open the database (loading it on first use), build
// the report, export it and write it to --out or stdout. Errors are typed; main.ts turns them into messages.
import { Command, Option } from 'commander';
import { loadConfig } from '../config.ts';
import { checkText } from '../core/text-input.ts';
import { ensureLoaded } from '../data/bootstrap.ts';
import type { ReportFormat } from '../report/types.ts';
import { openDatabase } from '../store/db.ts';
import { MAX_TOPIC_LENGTH, REPORT_FORMATS, reportCommand } from './commands.ts';
import { writeReport } from './write-report.ts';

export function registerReportCommand(program: Command, lang: () => 'zh' | 'en'): void {
  program
    .command('report')
    .description('write a deep research report on a topic (缩表/QT, 通胀/inflation, 就业/labour market, 收益率曲线/yield curve, or a company)')
    .argument('<topic>', 'the topic, in Chinese or English, e.g. "缩表", "inflation", "NVDA"')
    .addOption(new Option('--format <format>', 'output format').choices(REPORT_FORMATS).default('md'))
    .option('--out <file>', 'write to this file (Markdown also writes its figures as <file>-figN.svg); default: stdout, or a .pdf file in the current directory for PDF')
    .addHelpText('after', '\nThe report is written in the topic\'s language; --lang zh|en (before or after the command) chooses it explicitly.')
    .action(async (raw: string, opts: { format: ReportFormat; out?: string }) => {
      // the one text check of every interface, before the database is opened
      checkText(raw, 'reportTopic', { max: MAX_TOPIC_LENGTH });
      const explicit = program.getOptionValueSource('lang') === 'cli' ? lang() : undefined;
      const config = loadConfig();
      const db = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.pgliteDir });
      try {
        await ensureLoaded(db, config, { onMode: (c) => process.stderr.write(`${c.reason}\n`) });
        await writeReport(await reportCommand(db, config, { topic: raw, format: opts.format, ...(explicit ? { lang: explicit } : {}), ...(opts.out ? { out: opts.out } : {}) }));
      } finally {
        // the shared PDF browser would keep this process alive until it idles out
        if (opts.format === 'pdf') await (await import('../report/pdf.ts')).closePdfPool();
        await db.close();
      }
    });
}
