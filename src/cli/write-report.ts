// Writes what `fincite report` produced (src/cli/commands.ts reportCommand, here or in a running server): the body
// to --out or stdout, Markdown figures next to it, and the summary line. Light: no report builder is loaded.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReportResult } from './commands.ts';
import { reportWrittenLine } from './render.ts';

export async function writeReport(r: ReportResult): Promise<void> {
  const body = r.encoding === 'base64' ? Buffer.from(r.body, 'base64') : r.body;
  if (!r.out) {
    process.stdout.write(body);
    return;
  }
  if (r.figures.length) {
    await mkdir(path.dirname(path.resolve(r.out)), { recursive: true });
    await Promise.all(r.figures.map((f) => writeFile(f.file, f.svg)));
  }
  await mkdir(path.dirname(path.resolve(r.out)), { recursive: true });
  await writeFile(r.out, body);
  process.stderr.write(reportWrittenLine(r.out, r.language, r.summary));
}
