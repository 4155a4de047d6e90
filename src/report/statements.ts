// Sentences of the latest FOMC statement, quoted verbatim, for what a report says about current policy ("inflation
// remains elevated", the latest rate decision). Read from the stored documents; the citation carries the date.
import type { IsoDate } from '../core/types.ts';
import type { PeriodCitation } from '../knowledge/periods.ts';
import type { Database } from '../store/db.ts';
import { isoDate } from '../store/repo.ts';

/** The first sentence of the latest FOMC statement (on or before `asOf`) that matches `test`, or null. */
export async function statementSentence(db: Database, test: RegExp, asOf?: IsoDate): Promise<PeriodCitation | null> {
  const rows = await db.query<{ date: string | Date; title: string; url: string; body: string }>(
    `SELECT date, title, url, body FROM documents WHERE kind = 'statement' ${asOf ? 'AND date <= $1' : ''} ORDER BY date DESC LIMIT 4`,
    asOf ? [asOf] : [],
  );
  for (const r of rows) {
    // sentences end at ". " or a line break; "1/4 percentage point" and "U.S." stay inside
    const sentences = r.body.split(/(?<=[a-z0-9%)])\.\s+|\n+/).map((x) => x.trim().replace(/\.$/, '')).filter(Boolean);
    const hit = sentences.find((x) => test.test(x) && r.body.includes(x));
    if (hit) return { date: isoDate(r.date)!, title: r.title, url: r.url, quote: hit };
  }
  return null;
}
