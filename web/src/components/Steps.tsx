// The steps behind an answer in LLM mode (model calls, tool calls, verification, repair), named for people:
// "查找数据序列:美联储总资产", "Computing: WALCL change from 2022-06-01". Shown live while the answer streams and
// afterwards in a disclosure under the answer. Also the engine's name ("确定性引擎", "Model: deepseek-chat").
import type { AnswerUsage } from '../../../src/core/answer.ts';
import type { Bilingual } from '../../../src/core/types.ts';
import type { AskStep } from '../api.ts';
import { useI18n, type Lang, type MessageKey, type Translate } from '../i18n.ts';

/** compute_fact's methods (the tool's names, not the Fact's), named for people. */
const COMPUTE_METHODS: Record<string, Bilingual> = {
  latest: { zh: '最新值', en: 'latest value' },
  value_on_date: { zh: '指定日期的值', en: 'value' },
  change: { zh: '变化', en: 'change' },
  percent_change: { zh: '变化率', en: 'percent change' },
  yoy: { zh: '同比', en: 'year-over-year change' },
  annualized_growth: { zh: '年化增长率', en: 'annualised growth' },
  average: { zh: '平均值', en: 'average' },
  sum: { zh: '合计', en: 'sum' },
  max: { zh: '最大值', en: 'maximum' },
  min: { zh: '最小值', en: 'minimum' },
  stdev: { zh: '标准差', en: 'standard deviation' },
  volatility: { zh: '波动率', en: 'volatility' },
  average_monthly_change: { zh: '月均变化', en: 'average monthly change' },
  drawdown: { zh: '最大回撤', en: 'drawdown' },
  spread: { zh: '利差', en: 'spread' },
  ratio: { zh: '比率', en: 'ratio' },
  correlation: { zh: '相关系数', en: 'correlation' },
};

const KNOWN_TOOLS = ['search_series', 'get_series', 'compute_fact', 'search_documents', 'get_events', 'company_fundamentals'];

/** A short string from a tool input field; anything else (or nothing) is undefined. */
function field(input: unknown, key: string): string | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const v = (input as Record<string, unknown>)[key];
  if (typeof v !== 'string' || !v.trim()) return undefined;
  const s = v.trim().replace(/\s+/g, ' ');
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

function range(input: unknown, t: Translate): string | undefined {
  const from = field(input, 'from');
  const to = field(input, 'to');
  const date = field(input, 'date');
  if (from && to) return t('step.range.fromTo', { from, to });
  if (from) return t('step.range.from', { from });
  if (to) return t('step.range.to', { to });
  if (date) return t('step.range.on', { date });
  return undefined;
}

/** What a tool call is doing, with its key input when there is one. */
function toolDetail(tool: string, input: unknown, t: Translate, lang: Lang): string | undefined {
  switch (tool) {
    case 'search_series':
    case 'search_documents':
      return field(input, 'query');
    case 'get_series': {
      const id = field(input, 'id');
      const r = range(input, t);
      return id && r ? `${id} ${r}` : id;
    }
    case 'compute_fact': {
      const id = field(input, 'series_id');
      if (!id) return undefined;
      const other = field(input, 'other_series_id');
      const series = other ? t('step.pair', { a: id, b: other }) : id;
      const m = field(input, 'method');
      const method = m ? (COMPUTE_METHODS[m]?.[lang] ?? m) : '';
      const r = range(input, t);
      return (r ? t('step.computeRange', { series, method, range: r }) : t('step.compute', { series, method })).trim();
    }
    case 'get_events':
      return range(input, t);
    case 'company_fundamentals':
      return field(input, 'ticker')?.toUpperCase();
    default:
      return undefined;
  }
}

export function stepLabel(step: AskStep, t: Translate, lang: Lang, firstModel = true): string {
  switch (step.stage) {
    case 'model':
      return t(firstModel ? 'step.model' : 'step.fallbackModel', { model: step.model });
    case 'tool': {
      if (!KNOWN_TOOLS.includes(step.tool)) return t('step.tool.other', { tool: step.tool });
      const name = t(`step.tool.${step.tool}` as MessageKey);
      const detail = toolDetail(step.tool, step.input, t, lang);
      return detail ? `${name}${t('step.sep')}${detail}` : name;
    }
    case 'verifying':
      return t('step.verifying');
    case 'repair':
      return t('step.repair', { count: step.unsupported });
  }
}

/** The model's name in an engine id ('openai-compatible:deepseek-chat' → 'deepseek-chat'). */
export function modelOf(engine: string): string {
  const i = engine.indexOf(':');
  return i >= 0 ? engine.slice(i + 1) : engine;
}

export function engineLabel(engine: string, t: Translate): string {
  return engine === 'deterministic' ? t('engine.deterministic') : t('engine.model', { model: modelOf(engine) });
}

/** The steps of an answer loaded from history, which kept only its tool names. */
export function stepsFromUsage(usage: AnswerUsage | undefined): AskStep[] {
  return (usage?.toolCalls ?? []).map((c) => ({ stage: 'tool', tool: c.tool }));
}

/** live: announced as steps arrive; activeLast: the last step is still under way. */
export function StepList({ steps, live = false, activeLast = false }: { steps: AskStep[]; live?: boolean; activeLast?: boolean }) {
  const { t, lang } = useI18n();
  let models = 0;
  return (
    <ol className={`steps${live ? ' steps-live' : ''}`} data-testid="ask-steps" aria-label={t('chat.stepsLabel')} {...(live ? { 'aria-live': 'polite' as const } : {})}>
      {steps.map((step, i) => {
        const first = step.stage === 'model' ? models++ === 0 : true;
        const active = activeLast && i === steps.length - 1;
        return (
          <li key={i} className={`step step-${step.stage}${active ? ' step-active' : ''}`} data-testid="ask-step">
            <span className="step-mark" aria-hidden="true" />
            <span className="step-text">{stepLabel(step, t, lang, first)}</span>
          </li>
        );
      })}
    </ol>
  );
}

/** The engine's name as a small tag: who is answering (while streaming) or who answered. */
export function EngineTag({ engine, testId }: { engine: string; testId?: string }) {
  const { t } = useI18n();
  const model = engine !== 'deterministic';
  return (
    <span className={`engine-tag${model ? ' engine-model' : ''}`} data-testid={testId} title={engine}>
      <svg viewBox="0 0 16 16" aria-hidden="true">
        {model ? (
          <path d="M8 2.5l1.3 3.2 3.2 1.3-3.2 1.3L8 11.5 6.7 8.3 3.5 7l3.2-1.3z" fill="currentColor" />
        ) : (
          <path d="M3 4.5h10M3 8h10M3 11.5h6" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        )}
      </svg>
      {engineLabel(engine, t)}
    </span>
  );
}
