// Prints an Answer for a terminal: the text, then the numbered sources it cites.
import type { Answer } from '../core/answer.ts';

export function printAnswer(a: Answer, out: NodeJS.WritableStream = process.stdout): void {
  const lines = [a.text, ''];
  if (a.sources.length) {
    lines.push(a.language === 'zh' ? '来源：' : 'Sources:');
    for (const s of a.sources) {
      const when = [s.date ? (a.language === 'zh' ? `数据日期 ${s.date}` : `observation ${s.date}`) : '', s.retrievedAt ? (a.language === 'zh' ? `获取于 ${s.retrievedAt.slice(0, 10)}` : `retrieved ${s.retrievedAt.slice(0, 10)}`) : '']
        .filter(Boolean)
        .join(', ');
      lines.push(`[${s.n}] ${s.title} — ${s.publisher}${when ? ` (${when})` : ''} ${s.url}`);
    }
  }
  const v = a.verification;
  if (!a.unanswerable) lines.push('', a.language === 'zh' ? `已核验：${v.supported}/${v.numbers} 个数字有数据支撑` : `verified: ${v.supported}/${v.numbers} numbers supported by data`);
  out.write(lines.join('\n') + '\n');
}
