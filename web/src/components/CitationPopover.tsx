// What a number or a citation [n] points to. A number (or the [n] right after it) opens THAT number: its fact's
// value as written, as displayed and as stored, unit, date or period, method in the UI language, inputs with
// their series names and observation dates, and the source — or, for a derivation, its expression and each input
// fact. Any other [n], or "all numbers from this source", shows the source itself with every number computed
// from it. The "every number has a source" promise made visible.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { Answer, AnswerNumber, Fact, Source } from '../../../src/core/answer.ts';
import { chinesePunctuation, formatValue } from '../../../src/core/format.ts';
import { unitName } from '../../../src/core/unit-names.ts';
import { formatTimestamp } from '../format.ts';
import { useDismiss } from '../hooks.ts';
import { METHOD_LABELS, useI18n, type Lang, type Translate } from '../i18n.ts';
import { Link } from '../router.tsx';

const GAP = 8;
const MIN_HEIGHT = 220;
/** The header above, and the question box docked at the bottom of the chat, which a popover must not hide under. */
const TOP_RESERVE = 64;
const BOTTOM_RESERVE = 130;

/** What the popover shows: one number of the answer (with the [n] it was opened from, if any), or one source. */
export type CitationView = { kind: 'number'; i: number; n?: number } | { kind: 'source'; n: number };

interface Props {
  answer: Answer;
  view: CitationView;
  anchor: HTMLElement;
  /** The positioned box the popover is placed in (the answer card). */
  container: HTMLElement;
  onClose: (returnFocus: boolean) => void;
}

/** A date for people: 2026年8月19日 in Chinese, the ISO date in English. */
export function showDate(date: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || lang === 'en') return date;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The stored number exactly as kept (no rounding), with thousands separators: 6745699 → "6,745,699". */
export function storedNumber(value: number): string {
  const s = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(s)) return s;
  const [int, frac] = s.split('.');
  return int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
}

/** A source's title without the series id the engine puts in front ("WALCL: 美联储总资产" → "美联储总资产"). */
function sourceName(source: Source): string {
  const id = source.seriesId;
  return id && source.title.startsWith(`${id}: `) ? source.title.slice(id.length + 2) : source.title;
}

/** A fact's label for people in the UI language, with Chinese punctuation in Chinese. */
function factLabel(fact: Fact, lang: Lang): string {
  return lang === 'zh' ? chinesePunctuation(fact.label.zh) : fact.label.en;
}

/** The name of the series an input was read from: its source's title; never the raw id. */
function seriesName(answer: Answer, fact: Fact, seriesId: string, lang: Lang): string {
  const exact = answer.sources.find((s) => s.seriesId === seriesId);
  if (exact) return sourceName(exact);
  const own = answer.sources.filter((s) => fact.sourceIds.includes(s.n));
  if (own.length === 1 || fact.seriesId === seriesId) {
    if (own[0]) return sourceName(own[0]);
  }
  // the fact's own label, without its dated parenthesis
  return factLabel(fact, lang).replace(/\s*[(（].*$/, '');
}

function observationCount(fact: Fact): number | undefined {
  const counts = fact.inputs.map((i) => i.observations).filter((n): n is number => typeof n === 'number');
  return counts.length ? counts.reduce((a, b) => a + b, 0) : undefined;
}

/** The stretch of dates all inputs cover together. */
function inputRange(fact: Fact): { from: string; to: string } | undefined {
  if (!fact.inputs.length) return undefined;
  const from = fact.inputs.map((i) => i.from).sort()[0]!;
  const to = fact.inputs.map((i) => i.to).sort().at(-1)!;
  return { from, to };
}

/** How the fact was computed, in the UI language, from its structured fields only (never the English methodDetail). */
export function describeMethod(fact: Fact, answer: Answer, lang: Lang, t: Translate): string {
  const d = (date: string | undefined) => showDate(date ?? fact.asOf, lang);
  const extra = fact.extra ?? {};
  const from = fact.period?.from ?? (typeof extra.startDate === 'string' ? extra.startDate : fact.inputs[0]?.from);
  const to = fact.period?.to ?? (typeof extra.endDate === 'string' ? extra.endDate : fact.asOf);
  const method = METHOD_LABELS[fact.method][lang];
  const names = fact.inputs.map((i) => seriesName(answer, fact, i.seriesId, lang));
  switch (fact.method) {
    case 'level':
      return t('method.level', { date: d(fact.asOf) });
    case 'value_on_date': {
      const requested = typeof extra.requestedDate === 'string' ? extra.requestedDate : undefined;
      if (requested && requested !== fact.asOf) {
        const after = extra.policy === 'on_or_after' || requested < fact.asOf;
        return t(after ? 'method.valueAfter' : 'method.valueBefore', { requested: d(requested), date: d(fact.asOf) });
      }
      return t('method.valueOnDate', { date: d(fact.asOf) });
    }
    case 'change':
      return t('method.change', { from: d(from), to: d(to) });
    case 'percent_change':
      return t('method.percentChange', { from: d(from), to: d(to) });
    case 'yoy':
      return from && to && from !== to ? t('method.yoyFrom', { from: d(from), to: d(to) }) : t('method.yoy', { date: d(fact.asOf) });
    case 'drawdown': {
      const count = observationCount(fact);
      const range = inputRange(fact);
      if (fact.period && range && count !== undefined)
        return t('method.drawdown', { from: d(fact.period.from), to: d(fact.period.to), start: d(range.from), end: d(range.to), count });
      break;
    }
    case 'spread':
    case 'ratio':
      if (names.length >= 2) return t(fact.method === 'spread' ? 'method.spread' : 'method.ratio', { date: d(fact.asOf), a: names[0]!, b: names[1]! });
      break;
    case 'document':
      return t('method.document');
  }
  if (fact.period || (from && to && from !== to)) {
    const count = observationCount(fact);
    // the observations counted are those of the inputs, which can reach beyond the fact's own period
    const range = inputRange(fact) ?? { from, to };
    return count !== undefined
      ? t('method.overPeriodN', { from: d(range.from), to: d(range.to), count, method })
      : t('method.overPeriod', { from: d(from), to: d(to), method, what: t('method.theValues') });
  }
  return t('method.onDate', { date: d(fact.asOf), method });
}

/** Inputs with their series names and observation dates. */
function InputList({ answer, fact }: { answer: Answer; fact: Fact }) {
  const { t, lang } = useI18n();
  return (
    <ul className="inputs" data-testid="fact-inputs">
      {fact.inputs.map((input, i) => (
        <li key={i}>
          <span className="input-name">{seriesName(answer, fact, input.seriesId, lang)}</span>
          {lang === 'zh' ? '：' : ': '}
          <span className="num">
            {input.from === input.to ? showDate(input.from, lang) : t('num.inputRange', { from: showDate(input.from, lang), to: showDate(input.to, lang) })}
          </span>
          {input.observations !== undefined && (
            <span className="muted">
              {(() => {
                const count = t(input.observations === 1 ? 'num.observation' : 'num.observations', { count: input.observations });
                return lang === 'zh' ? `（${count}）` : ` (${count})`;
              })()}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Everything about one fact: what it is, its values, unit, date, method, inputs. */
function FactDetail({ answer, fact, compact = false }: { answer: Answer; fact: Fact; compact?: boolean }) {
  const { t, lang } = useI18n();
  return (
    <div className="fact-detail" data-testid="fact-detail" data-fact-id={fact.id}>
      <p className="fact-label">{factLabel(fact, lang)}</p>
      <dl className={compact ? 'kv kv-compact' : 'kv'}>
        <dt>{t('num.displayed')}</dt>
        <dd className="num" data-testid="fact-displayed">
          {formatValue(fact.value, fact.unit, lang)}
        </dd>
        <dt>{t('num.stored')}</dt>
        <dd className="num" data-testid="fact-stored">
          {storedNumber(fact.value)} {unitName(fact.unit, lang)}
        </dd>
        <dt>{t('num.unit')}</dt>
        <dd data-testid="fact-unit">{unitName(fact.unit, lang)}</dd>
        {fact.period ? (
          <>
            <dt>{t('cite.period')}</dt>
            <dd className="num" data-testid="fact-date">
              {t('num.inputRange', { from: showDate(fact.period.from, lang), to: showDate(fact.period.to, lang) })}
            </dd>
          </>
        ) : (
          <>
            <dt>{t('num.date')}</dt>
            <dd className="num" data-testid="fact-date">
              {showDate(fact.asOf, lang)}
            </dd>
          </>
        )}
        <dt>{t('cite.method')}</dt>
        <dd data-testid="fact-method">
          <strong className="method-name">{METHOD_LABELS[fact.method][lang]}</strong>
          <span className="method-detail">{describeMethod(fact, answer, lang, t)}</span>
        </dd>
        {lang === 'en' && fact.methodDetail && (
          <>
            <dt>{t('num.formula')}</dt>
            <dd className="method-detail" data-testid="fact-formula">
              {fact.methodDetail}
            </dd>
          </>
        )}
        {fact.inputs.length > 0 && (
          <>
            <dt>{t('cite.inputs')}</dt>
            <dd>
              <InputList answer={answer} fact={fact} />
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

/** The source's name, publisher and date, shown under a number (its link is the popover's "open source" button). */
function SourceLine({ source }: { source: Source }) {
  const { t, lang } = useI18n();
  const isSeries = source.kind === 'series';
  return (
    <dl className="kv kv-compact source-line">
      <dt>{t('num.source')}</dt>
      <dd>
        <span data-testid="number-source">{sourceName(source)}</span>
        <span className="muted">
          {' · '}
          {source.publisher}
          {source.date && (
            <>
              {' · '}
              <span className="nowrap">
                {isSeries ? t('cite.observationDate') : t('cite.publicationDate')} {showDate(source.date, lang)}
              </span>
            </>
          )}
        </span>
      </dd>
    </dl>
  );
}

function NumberBody({ answer, number, n }: { answer: Answer; number: AnswerNumber; n?: number }) {
  const { t } = useI18n();
  const facts = number.factIds.map((id) => answer.facts.find((f) => f.id === id)).filter((f): f is Fact => Boolean(f));
  const sourceNs = [...new Set([...(n !== undefined ? [n] : []), ...facts.flatMap((f) => f.sourceIds)])];
  const sources = sourceNs.map((k) => answer.sources.find((s) => s.n === k)).filter((s): s is Source => Boolean(s));
  const single = facts.length === 1 && !number.expression;
  return (
    <>
      {number.expression && (
        <dl className="kv">
          <dt>{t('num.expression')}</dt>
          <dd className="num expression" data-testid="number-expression">
            {number.expression}
          </dd>
        </dl>
      )}
      {single && <FactDetail answer={answer} fact={facts[0]!} />}
      {!single && facts.length > 0 && (
        <section className="facts">
          <h4>{t('num.inputFacts')}</h4>
          <ul>
            {facts.map((f) => (
              <li key={f.id} className="fact">
                <FactDetail answer={answer} fact={f} compact />
              </li>
            ))}
          </ul>
        </section>
      )}
      {facts.length === 0 && <p className="muted">{number.kind === 'number' ? t('num.fromQuestion') : t('num.fromPassage')}</p>}
      {facts.length === 0 &&
        sources.map((s) =>
          s.quote ? (
            <figure key={s.n} className="quote">
              <figcaption>{t('cite.quote')}</figcaption>
              <blockquote cite={s.url}>{s.quote}</blockquote>
            </figure>
          ) : null,
        )}
      {sources.map((s) => (
        <SourceLine key={s.n} source={s} />
      ))}
    </>
  );
}

/** The whole source: publisher, dates, quote, and every number of the answer computed from it. */
function SourceBody({ answer, source }: { answer: Answer; source: Source }) {
  const { t, lang } = useI18n();
  const isSeries = source.kind === 'series';
  const facts = answer.facts.filter((f) => f.sourceIds.includes(source.n));
  return (
    <>
      <dl className="kv">
        <dt>{t('cite.publisher')}</dt>
        <dd>{source.publisher}</dd>
        {source.date && (
          <>
            <dt>{isSeries ? t('cite.observationDate') : t('cite.publicationDate')}</dt>
            <dd className="num">{showDate(source.date, lang)}</dd>
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
        <section className="facts" data-testid="source-facts">
          <h4>{t('cite.facts')}</h4>
          <ul>
            {facts.map((f) => (
              <li key={f.id} className="fact">
                <div className="fact-head">
                  <span className="fact-label">{factLabel(f, lang)}</span>
                  <strong className="fact-value num">{formatValue(f.value, f.unit, lang)}</strong>
                </div>
                <dl className="kv kv-compact">
                  <dt>{t('num.stored')}</dt>
                  <dd className="num">
                    {storedNumber(f.value)} {unitName(f.unit, lang)}
                  </dd>
                  <dt>{f.period ? t('cite.period') : t('cite.asOf')}</dt>
                  <dd className="num">
                    {f.period ? t('num.inputRange', { from: showDate(f.period.from, lang), to: showDate(f.period.to, lang) }) : showDate(f.asOf, lang)}
                  </dd>
                  <dt>{t('cite.method')}</dt>
                  <dd>
                    {METHOD_LABELS[f.method][lang]}
                    <span className="method-detail">{describeMethod(f, answer, lang, t)}</span>
                  </dd>
                  {f.inputs.length > 0 && (
                    <>
                      <dt>{t('cite.inputs')}</dt>
                      <dd>
                        <InputList answer={answer} fact={f} />
                      </dd>
                    </>
                  )}
                </dl>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

export function CitationPopover({ answer, view: initial, anchor, container, onClose }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const anchorRef = useMemo(() => ({ current: anchor }), [anchor]);
  const [position, setPosition] = useState<CSSProperties>({});
  // "all numbers from this source" switches to the source; "back" returns to the number
  const [view, setView] = useState<CitationView>(initial);
  useEffect(() => setView(initial), [initial]);
  const number = view.kind === 'number' ? answer.numbers?.[view.i] : undefined;
  const numberFacts = number ? number.factIds.map((id) => answer.facts.find((f) => f.id === id)).filter((f): f is Fact => Boolean(f)) : [];
  const wholeN = view.kind === 'source' ? view.n : (view.n ?? numberFacts.flatMap((f) => f.sourceIds)[0]);
  const source = wholeN !== undefined ? answer.sources.find((s) => s.n === wholeN) : undefined;
  const viewKey = view.kind === 'number' ? `i${view.i}` : `n${view.n}`;

  useDismiss(true, (reason) => onClose(reason === 'escape'), ref, anchorRef);

  // Placed under the anchor, or above it when there is more room there, and kept inside the card. On phones
  // CSS turns it into a bottom sheet instead and ignores these.
  useLayoutEffect(() => {
    const pop = ref.current;
    if (!pop) return;
    if (getComputedStyle(pop).position === 'fixed') {
      // a bottom sheet: scroll the number (or [n]) it explains to just above the sheet when the sheet covers it
      const sheetTop = pop.getBoundingClientRect().top;
      if (anchor.getBoundingClientRect().bottom > sheetTop - GAP) {
        anchor.style.scrollMarginBottom = `${window.innerHeight - sheetTop + GAP}px`;
        anchor.scrollIntoView({ block: 'end' });
        anchor.style.scrollMarginBottom = '';
      }
      return;
    }
    const a = anchor.getBoundingClientRect();
    const c = container.getBoundingClientRect();
    const below = window.innerHeight - a.bottom - BOTTOM_RESERVE;
    const above = a.top - TOP_RESERVE;
    const placeBelow = below >= pop.scrollHeight || below >= above;
    const height = Math.min(pop.scrollHeight, Math.max(MIN_HEIGHT, placeBelow ? below : above));
    const left = Math.max(0, Math.min(a.left - c.left - 24, c.width - pop.offsetWidth));
    const top = placeBelow ? a.bottom - c.top + GAP : a.top - c.top - GAP - height;
    setPosition({ '--pop-top': `${top}px`, '--pop-left': `${left}px`, '--pop-max': `${height}px` } as CSSProperties);
  }, [anchor, container, viewKey]);

  useEffect(() => {
    ref.current?.focus();
  }, [viewKey]);

  if (view.kind === 'number' && !number) return null;
  if (view.kind === 'source' && !source) return null;
  const titleId = `cite-title-${viewKey}`;
  const isSeries = source?.kind === 'series';
  return (
    <div
      ref={ref}
      className="popover citation-popover"
      role="dialog"
      aria-labelledby={titleId}
      data-testid="citation-popover"
      data-view={view.kind}
      tabIndex={-1}
      style={position}
    >
      <div className="popover-head">
        <span className="kicker">{number ? t('num.kicker') : t('cite.source', { n: source!.n })}</span>
        <button type="button" className="icon-btn" aria-label={t('cite.close')} onClick={() => onClose(true)}>
          <svg viewBox="0 0 20 20" aria-hidden="true">
            <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      {number ? (
        <>
          <h3 id={titleId} className="popover-title num" aria-label={t('num.label', { text: number.text })} data-testid="number-title">
            {number.text}
          </h3>
          <NumberBody answer={answer} number={number} n={view.kind === 'number' ? view.n : undefined} />
        </>
      ) : (
        <>
          <h3 id={titleId} className="popover-title">
            {sourceName(source!)}
          </h3>
          <SourceBody answer={answer} source={source!} />
        </>
      )}
      <div className="popover-actions">
        {source && (
          <a className="btn btn-secondary btn-sm" href={source.url} target="_blank" rel="noopener noreferrer" data-testid="source-link">
            {t('cite.open')}
            <svg className="ext" viewBox="0 0 16 16" aria-hidden="true">
              <path d="M6 3H3v10h10v-3M9 3h4v4M13 3L7 9" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </a>
        )}
        {number && source && (
          <button type="button" className="btn btn-ghost btn-sm" data-testid="all-from-source" onClick={() => setView({ kind: 'source', n: source.n })}>
            {t('num.allFromSource')}
          </button>
        )}
        {!number && initial.kind === 'number' && (
          <button type="button" className="btn btn-ghost btn-sm" data-testid="back-to-number" onClick={() => setView(initial)}>
            {t('num.back')}
          </button>
        )}
        {!number && isSeries && source?.seriesId && (
          <Link className="btn btn-ghost btn-sm" href={`/series/${encodeURIComponent(source.seriesId)}`}>
            {t('cite.openSeries', { id: source.seriesId })}
          </Link>
        )}
      </div>
    </div>
  );
}
