// The questions of bench:serve: generated from the catalog (each FRED / New York Fed series' name × question forms,
// in Chinese and English) so the load covers ~1,000 distinct answers rather than a rotation of a few. No answer is
// written here: the engine answers each from the data, and the bench reports how many it declined.
import { catalog } from '../src/data/catalog/index.ts';
import type { CatalogSeries } from '../src/data/catalog/types.ts';
import { seriesName } from '../src/engine/writer.ts';

/** Chinese forms use the series' first alias (the name people type: 逆回购, 核心CPI), English its running-text name. */
const FORMS: Array<(s: CatalogSeries) => string> = [
  (s) => `${s.aliases[0] ?? s.title.zh}最新是多少?`,
  (s) => `What is the latest ${seriesName(s, 'en')}?`,
  (s) => `${s.aliases[0] ?? s.title.zh}过去一年变化了多少?`,
  (s) => `How much did the ${seriesName(s, 'en')} change over the last year?`,
  (s) => `${s.aliases[0] ?? s.title.zh}过去五年的最高值是多少?`,
  (s) => `What was the highest ${seriesName(s, 'en')} in the last five years?`,
];

/** Up to `count` distinct questions, form by form over the catalog, so consecutive questions name different series. */
export function benchQuestions(count = Infinity): string[] {
  const series = catalog.filter((s) => s.source === 'fred' || s.source === 'nyfed');
  const out = new Set<string>();
  for (const form of FORMS) for (const s of series) if (out.size < count) out.add(form(s));
  return [...out];
}
