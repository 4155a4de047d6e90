// One rendered Answer: the cited text, its charts and the verification footer; or, for a question the data
// cannot answer, the reason and questions that can be answered instead.
import { useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { Answer, AnswerUsage } from '../../../src/core/answer.ts';
import type { AskStep } from '../api.ts';
import { useI18n, type Translate } from '../i18n.ts';
import { renderAnswerHtml } from '../markdown.ts';
import { CitationPopover, showDate, type CitationView } from './CitationPopover.tsx';
import { EChart } from './EChart.tsx';
import { EngineTag, modelOf, StepList, stepsFromUsage } from './Steps.tsx';
import { VerifiedBadge } from './VerifiedBadge.tsx';

interface Props {
  answer: Answer;
  /** The steps seen while the answer streamed (LLM mode); an answer from history falls back to its tool names. */
  steps?: AskStep[];
  onAsk: (question: string) => void;
}

const count = new Intl.NumberFormat('en-US');

/** "模型调用 3 次 · tokens 输入 1,200 / 输出 300 · 工具调用 4 次 · 已修正1个未核实数字". */
function usageParts(u: AnswerUsage, t: Translate): string[] {
  const parts: string[] = [];
  if (u.modelCalls > 0) {
    parts.push(t('usage.modelCalls', { count: u.modelCalls }));
    parts.push(t('usage.tokens', { input: count.format(u.inputTokens), output: count.format(u.outputTokens) }));
    const failed = u.toolCalls.filter((c) => !c.ok).length;
    parts.push(failed ? t('usage.toolFailed', { count: u.toolCalls.length, failed }) : t('usage.toolCalls', { count: u.toolCalls.length }));
  }
  if (u.repaired) parts.push(t('usage.repaired', { count: u.repaired }));
  return parts;
}

function chartTitle(option: unknown): string | undefined {
  const title = (option as { title?: { text?: unknown } | Array<{ text?: unknown }> }).title;
  const text = Array.isArray(title) ? title[0]?.text : title?.text;
  return typeof text === 'string' ? text : undefined;
}

export function AnswerView({ answer, steps, onAsk }: Props) {
  const { t, lang } = useI18n();
  const id = useId();
  const card = useRef<HTMLElement>(null);
  const [open, setOpen] = useState<{ view: CitationView; anchor: HTMLElement } | null>(null);

  const html = useMemo(
    () =>
      renderAnswerHtml(answer.text, {
        sources: new Set(answer.sources.map((s) => s.n)),
        citeLabel: (n) => t('cite.label', { n }),
        numbers: (answer.numbers ?? []).map((num) => ({
          text: num.text,
          sources: num.factIds.length ? [...new Set(answer.facts.filter((f) => num.factIds.includes(f.id)).flatMap((f) => f.sourceIds))] : null,
        })),
        numberLabel: (text) => t('num.label', { text }),
        numberCiteLabel: (n, text) => t('num.citeLabel', { n, text }),
      }),
    [answer, t],
  );

  // number and citation buttons live in sanitised HTML, so one delegated handler serves them all: a number, or
  // the [n] right after it, opens that number; any other [n] its whole source
  const onBodyClick = (e: MouseEvent<HTMLDivElement>) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button.cite, button.num-ref');
    if (!button) return;
    const { i, n } = button.dataset;
    const view: CitationView | null =
      i !== undefined ? { kind: 'number', i: Number(i), ...(n !== undefined ? { n: Number(n) } : {}) } : n !== undefined ? { kind: 'source', n: Number(n) } : null;
    if (!view) return;
    setOpen((cur) => (cur?.anchor === button ? null : { view, anchor: button }));
  };

  // the buttons are not React's, so their expanded state is set by hand
  useEffect(() => {
    if (!open) return;
    open.anchor.setAttribute('aria-expanded', 'true');
    return () => open.anchor.setAttribute('aria-expanded', 'false');
  }, [open]);

  const closePopover = (returnFocus: boolean) => {
    if (returnFocus) open?.anchor.focus();
    setOpen(null);
  };

  const { unanswerable, usage } = answer;
  const shownSteps = steps?.length ? steps : stepsFromUsage(usage);
  const usageText = usage ? usageParts(usage, t) : [];
  const showUsage = usageText.length > 0 || Boolean(usage?.fallbackFrom);
  return (
    <article className="answer" data-testid="answer" ref={card} lang={answer.language === 'zh' ? 'zh-CN' : 'en'}>
      {unanswerable ? (
        <div className="unanswerable">
          <p className="unanswerable-title">{t('answer.unanswerable')}</p>
          <p>{unanswerable.reason}</p>
          {unanswerable.suggestions.length > 0 && (
            <>
              <p className="muted">{t('answer.suggestionsTitle')}</p>
              <div className="chips">
                {unanswerable.suggestions.map((s) => (
                  <button key={s} type="button" className="chip" data-testid="suggestion" onClick={() => onAsk(s)}>
                    {s}
                  </button>
                ))}
              </div>
            </>
          )}
        </div>
      ) : (
        <div className="prose" onClick={onBodyClick} dangerouslySetInnerHTML={{ __html: html }} />
      )}
      {answer.charts.length > 0 && (
        <div className="answer-charts">
          {answer.charts.map((option, i) => (
            <EChart key={i} option={option} label={chartTitle(option) ?? t('answer.charts')} />
          ))}
        </div>
      )}
      <footer className="answer-meta">
        <VerifiedBadge verification={answer.verification} panelId={`${id}-verification`} clickable={unanswerable ? 0 : (answer.numbers?.length ?? 0)} />
        {answer.dataAsOf && <span className="meta-item num">{t('answer.dataAsOf', { date: showDate(answer.dataAsOf, lang) })}</span>}
        {answer.engine && (
          <span className="meta-item meta-engine">
            <EngineTag engine={answer.engine} testId="answer-engine" />
          </span>
        )}
      </footer>
      {(showUsage || shownSteps.length > 0) && (
        <div className="answer-trace">
          {showUsage && (
            <p className="answer-usage" data-testid="answer-usage">
              {usageText.length > 0 && <span className="num">{usageText.join(' · ')}</span>}
              {usage?.fallbackFrom && <span className="usage-fallback">{t('usage.fallback', { model: modelOf(usage.fallbackFrom) })}</span>}
            </p>
          )}
          {shownSteps.length > 0 && (
            <details className="steps-disclosure" data-testid="answer-steps">
              <summary>{t('chat.stepsShow', { count: shownSteps.length })}</summary>
              <StepList steps={shownSteps} />
            </details>
          )}
        </div>
      )}
      {open && card.current && <CitationPopover answer={answer} view={open.view} anchor={open.anchor} container={card.current} onClose={closePopover} />}
    </article>
  );
}
