// Turns a Plan into Facts computed by the analytics library and writes them, with citations, through the
// AnswerWriter. One handler per kind of question, each in its own module; each states the dates it actually used.
import { resolveEventTime } from './anchors.ts';
import { compareEntities, comparePeriods, correlation, twoSeries } from './compare.ts';
import type { ExecContext } from './common.ts';
import { fundamental } from './fundamentals.ts';
import { policy } from './policy.ts';
import { single } from './series.ts';

export { NoAnswerError, type ExecContext } from './common.ts';

export async function execute(ctx: ExecContext): Promise<void> {
  await resolveEventTime(ctx);
  const { plan } = ctx;
  switch (plan.measure) {
    case 'policy':
      return policy(ctx);
    case 'documents': {
      const { documentsAnswer } = await import('../documents.ts');
      return documentsAnswer(ctx);
    }
    case 'fundamental':
      return fundamental(ctx);
    case 'compare_entities':
      return compareEntities(ctx);
    case 'compare_periods':
      return comparePeriods(ctx);
    case 'spread':
    case 'ratio':
      return twoSeries(ctx);
    case 'correlation':
      return correlation(ctx);
    default:
      return single(ctx, plan.subjects[0]!, plan.measure);
  }
}
