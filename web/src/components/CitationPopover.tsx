// What a citation [n] points to: the source itself and, for a data series, every number of the answer that was
// computed from it (value, date, period, method, inputs) — the "every number has a source" promise made visible.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { Answer, Fact } from '../../../src/core/answer.ts';
import { formatValue } from '../../../src/core/format.ts';
import { formatTimestamp } from '../format.ts';
import { useDismiss } from '../hooks.ts';
import { METHOD_LABELS, useI18n } from '../i18n.ts';
import { Link } from '../router.tsx';

const GAP = 8;
const MIN_HEIGHT = 220;
/** The header above, and the question box docked at the bottom of the chat, which a popover must not hide under. */
const TOP_RESERVE = 64;
const BOTTOM_RESERVE = 130;

interface Props {
  answer: Answer;
  n: number;
  anchor: HTMLElement;
  /** The positioned box the popover is placed in (the answer card). */
  container: HTMLElement;
  onClose: (returnFocus: boolean) => void;
}

function FactItem({ fact }: { fact: Fact }) {
  const { t, lang } = useI18n();
  return (
    <li className="fact">
      <div className="fact-head">
        <span className="fact-label">{fact.label[lang]}</span>
        <strong className="fact-value num">{formatValue(fact.value, fact.unit, lang)}</strong>
      </div>
      <dl className="kv kv-compact">
        <dt>{t('cite.asOf')}</dt>
        <dd className="num">{fact.asOf}</dd>
        {fact.period && (
          <>
            <dt>{t('cite.period')}</dt>
            <dd className="num">
              {fact.period.from} → {fact.period.to}
            </dd>
          </>
        )}
        <dt>{t('cite.method')}</dt>
        <dd>
          {METHOD_LABELS[fact.method][lang]}
          {fact.methodDetail && <span className="method-detail">{fact.methodDetail}</span>}
        </dd>
        {fact.inputs.length > 0 && (
          <>
            <dt>{t('cite.inputs')}</dt>
            <dd>
              <ul className="inputs">
                {fact.inputs.map((input, i) => (
                  <li key={i} className="num">
                    <code>{input.seriesId}</code> {input.from === input.to ? input.from : `${input.from} → ${input.to}`}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </li>
  );
}

export function CitationPopover({ answer, n, anchor, container, onClose }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const anchorRef = useMemo(() => ({ current: anchor }), [anchor]);
  const [position, setPosition] = useState<CSSProperties>({});
  const source = answer.sources.find((s) => s.n === n);
  const facts = answer.facts.filter((f) => f.sourceIds.includes(n));

  useDismiss(true, (reason) => onClose(reason === 'escape'), ref, anchorRef);

  // Placed under the citation, or above it when there is more room there, and kept inside the card. On phones
  // CSS turns it into a bottom sheet instead and ignores these.
  useLayoutEffect(() => {
    const pop = ref.current;
    if (!pop) return;
    const a = anchor.getBoundingClientRect();
    const c = container.getBoundingClientRect();
    const below = window.innerHeight - a.bottom - BOTTOM_RESERVE;
    const above = a.top - TOP_RESERVE;
    const placeBelow = below >= pop.scrollHeight || below >= above;
    const height = Math.min(pop.scrollHeight, Math.max(MIN_HEIGHT, placeBelow ? below : above));
    const left = Math.max(0, Math.min(a.left - c.left - 24, c.width - pop.offsetWidth));
    const top = placeBelow ? a.bottom - c.top + GAP : a.top - c.top - GAP - height;
    setPosition({ '--pop-top': `${top}px`, '--pop-left': `${left}px`, '--pop-max': `${height}px` } as CSSProperties);
  }, [anchor, container, n]);

  useEffect(() => {
    ref.current?.focus();
  }, [n]);

  if (!source) return null;
  const isSeries = source.kind === 'series';
  const titleId = `cite-title-${n}`;
  return (
    <div
      ref={ref}
      className="popover citation-popover"
      role="dialog"
      aria-labelledby={titleId}
      data-testid="citation-popover"
      tabIndex={-1}
      style={position}
    >
      <div className="popover-head">
        <span className="kicker">{t('cite.source', { n })}</span>
        <button type="button" className="icon-btn" aria-label={t('cite.close')} onClick={() => onClose(true)}>
          <svg viewBox="0 0 20 20" aria-hidden="true">
            <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      <h3 id={titleId} className="popover-title">
        {source.title}
      </h3>
      <dl className="kv">
        <dt>{t('cite.publisher')}</dt>
        <dd>{source.publisher}</dd>
        {source.date && (
          <>
            <dt>{isSeries ? t('cite.observationDate') : t('cite.publicationDate')}</dt>
            <dd className="num">{source.date}</dd>
          </>
        )}
        {source.retrievedAt && (
          <>
            <dt>{t('cite.retrievedAt')}</dt>
            <dd className="num">{formatTimestamp(source.retrievedAt)}</dd>
          </>
        )}
      </dl>
      {!isSeries && source.quote && (
        <figure className="quote">
          <figcaption>{t('cite.quote')}</figcaption>
          <blockquote cite={source.url}>{source.quote}</blockquote>
        </figure>
      )}
      {isSeries && facts.length > 0 && (
        <section className="facts">
          <h4>{t('cite.facts')}</h4>
          <ul>
            {facts.map((f) => (
              <FactItem key={f.id} fact={f} />
            ))}
          </ul>
        </section>
      )}
      <div className="popover-actions">
        <a className="btn btn-secondary btn-sm" href={source.url} target="_blank" rel="noopener noreferrer">
          {t('cite.open')}
          <svg className="ext" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M6 3H3v10h10v-3M9 3h4v4M13 3L7 9" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </a>
        {isSeries && source.seriesId && (
          <Link className="btn btn-ghost btn-sm" href={`/series/${encodeURIComponent(source.seriesId)}`}>
            {t('cite.openSeries', { id: source.seriesId })}
          </Link>
        )}
      </div>
    </div>
  );
}
