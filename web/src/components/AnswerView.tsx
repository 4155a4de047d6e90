// One rendered Answer: the cited text, its charts and the verification footer; or, for a question the data
// cannot answer, the reason and questions that can be answered instead.
import { useEffect, useId, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { Answer } from '../../../src/core/answer.ts';
import { useI18n } from '../i18n.ts';
import { renderAnswerHtml } from '../markdown.ts';
import { CitationPopover } from './CitationPopover.tsx';
import { EChart } from './EChart.tsx';
import { VerifiedBadge } from './VerifiedBadge.tsx';

interface Props {
  answer: Answer;
  onAsk: (question: string) => void;
}

function chartTitle(option: unknown): string | undefined {
  const title = (option as { title?: { text?: unknown } | Array<{ text?: unknown }> }).title;
  const text = Array.isArray(title) ? title[0]?.text : title?.text;
  return typeof text === 'string' ? text : undefined;
}

export function AnswerView({ answer, onAsk }: Props) {
  const { t } = useI18n();
  const id = useId();
  const card = useRef<HTMLElement>(null);
  const [open, setOpen] = useState<{ n: number; anchor: HTMLElement } | null>(null);

  const html = useMemo(
    () => renderAnswerHtml(answer.text, new Set(answer.sources.map((s) => s.n)), (n) => t('cite.label', { n })),
    [answer, t],
  );

  // citation buttons live in sanitised HTML, so one delegated handler serves them all
  const onBodyClick = (e: MouseEvent<HTMLDivElement>) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button.cite');
    if (!button) return;
    const n = Number(button.dataset.n);
    setOpen((cur) => (cur?.anchor === button ? null : { n, anchor: button }));
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

  const { unanswerable } = answer;
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
        <VerifiedBadge verification={answer.verification} panelId={`${id}-verification`} />
        {answer.dataAsOf && <span className="meta-item num">{t('answer.dataAsOf', { date: answer.dataAsOf })}</span>}
        {answer.engine && <span className="meta-item meta-engine">{t('answer.engine', { engine: answer.engine })}</span>}
      </footer>
      {open && card.current && <CitationPopover answer={answer} n={open.n} anchor={open.anchor} container={card.current} onClose={closePopover} />}
    </article>
  );
}
