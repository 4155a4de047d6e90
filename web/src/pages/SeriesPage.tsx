// Series explorer (/series): search the catalog in either language, most relevant first (the server ranks: exact
// id or alias, then title, then id; see src/data/search-rank.ts); an empty search lists it flagship-first. Results
// update as you type (debounced); ↓ from the box moves into the results, ↑/↓ move between them, Enter opens one
// (Enter in the box opens the first). The query is kept in ?q= so that coming back from a series restores the list.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { unitName } from '../../../src/core/unit-names.ts';
import type { Unit } from '../../../src/core/types.ts';
import { api, type SeriesSummary } from '../api.ts';
import { Alert, errorText } from '../components/Alert.tsx';
import { useDebounced } from '../hooks.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { Link, navigate } from '../router.tsx';

const LIMIT = 50;

/** What GET /api/series returns beyond the shared summary: the structured unit and the name the query matched. */
type Hit = SeriesSummary & { unit?: Unit; match?: { field: 'id' | 'ticker' | 'alias' | 'title'; text: string } | null };

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** `text` with the first occurrence of `query` (case- and width-insensitive) marked; the text itself otherwise. */
export function highlight(text: string, query: string): ReactNode {
  const q = fold(query.trim());
  if (!q) return text;
  const folded = fold(text);
  // NFKC can change lengths (full-width brackets stay one character, ligatures do not): only mark when it did not
  const at = folded.length === text.length ? folded.indexOf(q) : -1;
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + q.length)}</mark>
      {text.slice(at + q.length)}
    </>
  );
}

export function SeriesPage() {
  const { t, lang } = useI18n();
  const [q, setQ] = useState(() => new URLSearchParams(window.location.search).get('q') ?? '');
  const query = useDebounced(q.trim(), 200);
  const [results, setResults] = useState<{ query: string; hits: Hit[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    navigate(query ? `/series?q=${encodeURIComponent(query)}` : '/series', { replace: true });
    api<Hit[]>(`/api/series?q=${encodeURIComponent(query)}&limit=${LIMIT}`, { signal: ctrl.signal })
      .then((hits) => {
        setResults({ query, hits });
        setError(null);
      })
      .catch((err: unknown) => {
        if (!ctrl.signal.aborted) setError(errorText(err, t));
      });
    return () => ctrl.abort();
    // t only words an error; a language switch need not search again
  }, [query]);

  const links = () => Array.from(list.current?.querySelectorAll<HTMLAnchorElement>('a[data-result]') ?? []);

  const onInputKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      const first = links()[0];
      if (first) {
        e.preventDefault();
        first.focus();
      }
    } else if (e.key === 'Enter' && results && results.query === q.trim() && results.hits[0]) {
      e.preventDefault();
      navigate(`/series/${encodeURIComponent(results.hits[0].id)}`);
    }
  };

  const onResultKey = (e: KeyboardEvent<HTMLAnchorElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const all = links();
    const i = all.indexOf(e.currentTarget);
    const next = e.key === 'ArrowDown' ? all[i + 1] : i > 0 ? all[i - 1] : input.current;
    next?.focus();
  };

  const pick = (example: string) => {
    setQ(example);
    input.current?.focus();
  };

  // "匹配：{name}" with the alias marked where {name} stands
  const matchedLine = (alias: string): ReactNode => {
    const [before = '', after = ''] = t('series.matched').split('{name}');
    return (
      <>
        {before}
        {highlight(alias, results?.query ?? '')}
        {after}
      </>
    );
  };

  const hits = results?.hits;
  return (
    <div className="page">
      <header className="page-head">
        <h1>{t('series.title')}</h1>
        <p className="lead">{t('series.lead')}</p>
      </header>
      <div className="search" role="search">
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <circle cx="9" cy="9" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M13 13l4 4" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
        <label htmlFor="series-q" className="sr-only">
          {t('series.search')}
        </label>
        <input
          id="series-q"
          ref={input}
          type="search"
          data-testid="series-search"
          value={q}
          placeholder={t('series.searchPlaceholder')}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onInputKey}
          autoComplete="off"
          aria-describedby="series-keys"
          aria-controls="series-results"
        />
      </div>
      <p id="series-keys" className="sr-only">
        {t('series.keyboardHint')}
      </p>
      {error && <Alert>{error}</Alert>}
      {hits && (
        <>
          <p className="muted small" aria-live="polite" data-testid="series-count">
            {hits.length === 0 ? t('series.noResults') : t(hits.length >= LIMIT ? 'series.resultsCapped' : 'series.results', { count: hits.length })}
          </p>
          {hits.length === 0 && (
            <div className="series-empty" data-testid="series-empty">
              <p className="muted small">{t('series.tryExamples')}</p>
              <div className="chips">
                {t('series.examples')
                  .split('|')
                  .map((ex) => (
                    <button key={ex} type="button" className="chip" data-testid="series-example" onClick={() => pick(ex)}>
                      {ex}
                    </button>
                  ))}
              </div>
            </div>
          )}
          {hits.length > 0 && (
            <table className="table series-table" data-testid="series-results" id="series-results">
              <thead>
                <tr>
                  <th scope="col">{t('series.id')}</th>
                  <th scope="col">{t('series.name')}</th>
                  <th scope="col">{t('series.units')}</th>
                  <th scope="col">{t('series.frequency')}</th>
                  <th scope="col" className="right">
                    {t('series.lastDate')}
                  </th>
                </tr>
              </thead>
              <tbody ref={list}>
                {hits.map((s) => {
                  const title = s.title[lang];
                  const href = `/series/${encodeURIComponent(s.id)}`;
                  // say which alias matched when the shown title does not contain the query (缩表 → 美联储总资产)
                  const viaAlias = s.match?.field === 'alias' && !fold(title).includes(fold(results.query)) ? s.match.text : null;
                  return (
                    <tr key={s.id} data-testid="series-result">
                      <td data-label={t('series.id')}>
                        <Link href={href} className="series-id" tabIndex={-1}>
                          {highlight(s.id, results.query)}
                        </Link>
                      </td>
                      <td data-label={t('series.name')} className="series-name">
                        <Link href={href} data-result="" onKeyDown={onResultKey}>
                          {highlight(title, results.query)}
                        </Link>
                        {viaAlias && <span className="series-match muted small">{matchedLine(viaAlias)}</span>}
                      </td>
                      <td data-label={t('series.units')} className="muted">
                        {s.unit ? unitName(s.unit, lang) : s.units}
                      </td>
                      <td data-label={t('series.frequency')} className="nowrap">
                        {t(`freq.${s.frequency}` as MessageKey)}
                      </td>
                      <td data-label={t('series.lastDate')} className="num right">
                        {s.lastDate ?? '—'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
      {!hits && !error && <p className="muted">{t('common.loading')}</p>}
    </div>
  );
}
