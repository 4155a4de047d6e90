// Questions about what the FOMC said: the answer is the cited text itself — the best-matching passages of the
// stored statements, minutes and speeches in the asked period, quoted verbatim with their dates and links.
import type { DocumentKind, IsoDate } from '../core/types.ts';
import { searchPassages } from '../knowledge/search.ts';
import type { ExecContext } from './execute/index.ts';
import { NoAnswerError } from './execute/index.ts';

const KIND_ZH: Record<string, string> = { statement: 'FOMC声明', minutes: 'FOMC会议纪要', implementation_note: '政策执行说明', sep: '经济预测摘要', speech: '讲话', press_release: '新闻稿', other: '文件' };

/** A passage cut at a sentence end near `max` characters, for quoting. */
function excerpt(text: string, max = 420): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('; '));
  return `${end > 120 ? cut.slice(0, end + 1) : cut}…`;
}

export async function documentsAnswer(ctx: ExecContext): Promise<void> {
  const { w, plan } = ctx;
  const t = plan.time;
  const from: IsoDate | undefined = t.kind === 'point' || t.kind === 'range' ? t.from : undefined;
  const to: IsoDate | undefined = t.kind === 'point' ? t.to : t.kind === 'range' ? t.to : undefined;
  const query = plan.documentQuery || plan.question;
  // "声明里" / "in the minutes" / "in a speech" narrow the kind of document.
  const kinds: DocumentKind[] | undefined = /声明|statement/i.test(plan.question) ? ['statement', 'implementation_note', 'other'] : /纪要|minutes/i.test(plan.question) ? ['minutes'] : /讲话|演讲|speech|remarks/i.test(plan.question) ? ['speech'] : undefined;
  const hits = await searchPassages(ctx.data.db, query, { limit: 3, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(kinds ? { kinds } : {}) });
  if (!hits.length) {
    throw new NoAnswerError({ zh: '在所问时期的美联储文件中没有找到相关段落。', en: 'No passage of the Federal Reserve documents in that period matches the question.' });
  }
  w.say(
    `以下是美联储文件中与问题最相关的${hits.length === 1 ? '一段' : '几段'}原文(按相关度排序):`,
    `The passages of the Federal Reserve's documents that best match the question, most relevant first:`,
  );
  for (const h of hits) {
    // The snippet is the part of the passage that matched, with the matched words in bold.
    const quote = h.snippet ? h.snippet.replace(/\s+/g, ' ').trim() : excerpt(h.text);
    const src = w.document({ id: h.documentId, title: h.title, url: h.url, date: h.date, quote: h.text, publisher: h.publisher });
    w.say(`**${w.date(h.date)} ${KIND_ZH[h.kind] ?? h.kind}**:“${quote}”${w.citeDoc(src)}`, `**${h.date}, ${h.title}**: "${quote}"${w.citeDoc(src)}`);
  }
}
