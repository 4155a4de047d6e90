// Series explorer (/series): search the catalog in either language; an empty search lists it. The query is kept
// in ?q= so that coming back from a series restores the list.
import { useEffect, useState } from 'react';
import { api, type SeriesSummary } from '../api.ts';
import { Alert, errorText } from '../components/Alert.tsx';
import { useDebounced } from '../hooks.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { Link, navigate } from '../router.tsx';

const LIMIT = 50;

export function SeriesPage() {
  const { t, lang } = useI18n();
  const [q, setQ] = useState(() => new URLSearchParams(window.location.search).get('q') ?? '');
  const query = useDebounced(q.trim(), 250);
  const [results, setResults] = useState<SeriesSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    navigate(query ? `/series?q=${encodeURIComponent(query)}` : '/series', { replace: true });
    api<SeriesSummary[]>(`/api/series?q=${encodeURIComponent(query)}&limit=${LIMIT}`, { signal: ctrl.signal })
      .then((r) => {
        setResults(r);
        setError(null);
      })
      .catch((err: unknown) => {
        if (!ctrl.signal.aborted) setError(errorText(err, t));
      });
    return () => ctrl.abort();
    // t only words an error; a language switch need not search again
  }, [query]);

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
        <input id="series-q" type="search" data-testid="series-search" value={q} placeholder={t('series.searchPlaceholder')} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
      </div>
      {error && <Alert>{error}</Alert>}
      {results && (
        <>
          <p className="muted small" aria-live="polite">
            {results.length === 0
              ? t('series.noResults')
              : t(results.length >= LIMIT ? 'series.resultsCapped' : 'series.results', { count: results.length })}
          </p>
          {results.length > 0 && (
            <table className="table series-table" data-testid="series-results">
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
              <tbody>
                {results.map((s) => (
                  <tr key={s.id}>
                    <td data-label={t('series.id')}>
                      <Link href={`/series/${encodeURIComponent(s.id)}`} className="series-id">
                        {s.id}
                      </Link>
                    </td>
                    <td data-label={t('series.name')} className="series-name">
                      <Link href={`/series/${encodeURIComponent(s.id)}`} tabIndex={-1}>
                        {s.title[lang]}
                      </Link>
                    </td>
                    <td data-label={t('series.units')} className="muted">
                      {s.units}
                    </td>
                    <td data-label={t('series.frequency')} className="nowrap">{t(`freq.${s.frequency}` as MessageKey)}</td>
                    <td data-label={t('series.lastDate')} className="num right">
                      {s.lastDate ?? '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {!results && !error && <p className="muted">{t('common.loading')}</p>}
    </div>
  );
}
