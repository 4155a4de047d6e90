// One series (/series/:id): what it is and where it comes from, a zoomable chart over 1Y/5Y/10Y/Max, its
// observations newest first (50 a page, open/high/low/close/volume for traded instruments) and a CSV download of
// either the full history or the range shown — the user picks, and the server's file name says which.
import { unitName } from '../../../src/core/unit-names.ts';
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError, type SeriesDetail } from '../api.ts';
import { Alert, errorText } from '../components/Alert.tsx';
import { EChart } from '../components/EChart.tsx';
import { formatNumber } from '../format.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { Link } from '../router.tsx';

type RangeId = '1y' | '5y' | '10y' | 'max';
const RANGES: Array<{ id: RangeId; years?: number; label: string }> = [
  { id: '1y', years: 1, label: '1Y' },
  { id: '5y', years: 5, label: '5Y' },
  { id: '10y', years: 10, label: '10Y' },
  { id: 'max', label: '' },
];
const PAGE = 50;

function yearsBefore(iso: string, years: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

export function SeriesDetailPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const [range, setRange] = useState<RangeId>('5y');
  const [data, setData] = useState<SeriesDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  // Ranges count back from today; for a series whose data stops earlier, from its last date instead (learnt
  // from the first answer, so the common case costs one request).
  const [anchor, setAnchor] = useState(() => new Date().toISOString().slice(0, 10));
  const years = RANGES.find((r) => r.id === range)?.years;
  const from = years ? yearsBefore(anchor, years) : undefined;

  useEffect(() => {
    const ctrl = new AbortController();
    const query = from ? `?from=${from}` : '';
    api<SeriesDetail>(`/api/series/${encodeURIComponent(id)}${query}`, { signal: ctrl.signal })
      .then((r) => {
        setData(r);
        setError(null);
        setPage(0);
        const last = r.series.lastDate;
        if (from && r.observations.length === 0 && last && last < from) setAnchor(last);
      })
      .catch((err: unknown) => {
        if (ctrl.signal.aborted) return;
        setError(err instanceof ApiError && err.status === 404 ? err.message || t('error.generic') : errorText(err, t));
      });
    return () => ctrl.abort();
    // t only words an error; a language switch need not refetch
  }, [id, from]);

  const series = data?.series;
  const observations = data?.observations;
  const bars = Boolean(observations?.some((o) => o.close !== undefined));

  const option = useMemo(() => {
    if (!series || !observations) return null;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 24, bottom: 56, containLabel: true },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', scale: true, name: unitName(series.unit, lang), nameGap: 10 },
      dataZoom: [
        { type: 'inside' },
        { type: 'slider', height: 22, bottom: 8, borderColor: '#e3e6eb', fillerColor: 'rgba(29,78,216,0.08)' },
      ],
      series: [
        {
          type: 'line',
          name: series.id,
          showSymbol: false,
          lineStyle: { width: 1.6 },
          areaStyle: { opacity: 0.06 },
          data: observations.map((o) => [o.date, o.value]),
        },
      ],
    };
  }, [series, observations, lang]);

  const newestFirst = useMemo(() => (observations ? [...observations].reverse() : []), [observations]);
  const pages = Math.max(1, Math.ceil(newestFirst.length / PAGE));
  const rows = newestFirst.slice(page * PAGE, (page + 1) * PAGE);
  const csvFull = `/api/series/${encodeURIComponent(id)}/csv`;
  // the range shown, with both ends explicit so that the file name names them
  const shownFirst = observations?.[0]?.date;
  const shownLast = observations?.at(-1)?.date;
  const csvShown = from && shownFirst && shownLast ? `${csvFull}?from=${from}&to=${shownLast}` : null;

  return (
    <div className="page">
      <Link href="/series" className="back-link">
        ← {t('series.back')}
      </Link>
      {error && <Alert>{error}</Alert>}
      {!data && !error && <p className="muted">{t('common.loading')}</p>}
      {series && observations && (
        <>
          <header className="series-head">
            <div>
              <p className="kicker">
                <code>{series.id}</code>
              </p>
              <h1>{series.title[lang]}</h1>
              <dl className="kv kv-inline">
                <dt>{t('series.units')}</dt>
                <dd title={series.units}>{unitName(series.unit, lang)}</dd>
                <dt>{t('series.frequency')}</dt>
                <dd>{t(`freq.${series.frequency}` as MessageKey)}</dd>
                {series.firstDate && series.lastDate && (
                  <>
                    <dt>{t('series.observations')}</dt>
                    <dd className="num">{t('series.coverage', { from: series.firstDate, to: series.lastDate })}</dd>
                  </>
                )}
                <dt>{t('series.source')}</dt>
                <dd>
                  <a href={series.url} target="_blank" rel="noopener noreferrer">
                    {t('series.openSource')} ↗
                  </a>
                </dd>
              </dl>
              {series.notes && <p className="muted small notes">{series.notes}</p>}
            </div>
          </header>

          <div className="toolbar">
            <div className="segmented" role="group" aria-label={t('series.range')}>
              {RANGES.map((r) => (
                <button key={r.id} type="button" aria-pressed={range === r.id} data-testid={`range-${r.id}`} onClick={() => setRange(r.id)}>
                  {r.label || t('series.rangeMax')}
                </button>
              ))}
            </div>
            <div className="download-group" role="group" aria-label={t('series.downloadCsv')} data-testid="download-group">
              <span className="download-label muted small">
                <svg viewBox="0 0 16 16" aria-hidden="true">
                  <path d="M8 2.5v8M4.5 7.5L8 11l3.5-3.5M3 13.5h10" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
                </svg>
                {t('series.downloadCsv')}
              </span>
              <a
                className="btn btn-secondary btn-sm"
                href={csvFull}
                download
                data-testid="download-csv"
                aria-label={series.firstDate && series.lastDate ? t('series.downloadFullLabel', { from: series.firstDate, to: series.lastDate }) : undefined}
                title={series.firstDate && series.lastDate ? t('series.downloadFullLabel', { from: series.firstDate, to: series.lastDate }) : undefined}
              >
                {t('series.downloadFull')}
              </a>
              {csvShown && (
                <a
                  className="btn btn-secondary btn-sm"
                  href={csvShown}
                  download
                  data-testid="download-csv-range"
                  aria-label={t('series.downloadShownLabel', { from: from!, to: shownLast!, rows: observations!.length })}
                  title={t('series.downloadShownLabel', { from: from!, to: shownLast!, rows: observations!.length })}
                >
                  {t('series.downloadShown')}
                </a>
              )}
            </div>
          </div>

          {observations.length === 0 ? (
            <p className="muted card pad">{t('series.noObservations')}</p>
          ) : (
            <>
              <div className="card chart-card">{option && <EChart option={option} label={series.title[lang]} height={360} />}</div>
              <div className="table-wrap">
                <table className="table obs-table" data-testid="observations">
                  <thead>
                    <tr>
                      <th scope="col">{t('series.date')}</th>
                      {bars ? (
                        <>
                          <th scope="col" className="right">{t('series.open')}</th>
                          <th scope="col" className="right">{t('series.high')}</th>
                          <th scope="col" className="right">{t('series.low')}</th>
                          <th scope="col" className="right">{t('series.close')}</th>
                          <th scope="col" className="right">{t('series.volume')}</th>
                        </>
                      ) : (
                        <th scope="col" className="right">
                          {t('series.value')}
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((o) => (
                      <tr key={o.date}>
                        <td className="num">{o.date}</td>
                        {bars ? (
                          <>
                            <td className="num right">{formatNumber(o.open, lang)}</td>
                            <td className="num right">{formatNumber(o.high, lang)}</td>
                            <td className="num right">{formatNumber(o.low, lang)}</td>
                            <td className="num right">{formatNumber(o.close, lang)}</td>
                            <td className="num right">{formatNumber(o.volume, lang)}</td>
                          </>
                        ) : (
                          <td className="num right">{formatNumber(o.value, lang)}</td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {pages > 1 && (
                <nav className="pager" aria-label={t('series.observations')}>
                  <button type="button" className="btn btn-secondary btn-sm" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
                    {t('series.prev')}
                  </button>
                  <span className="muted small num" aria-live="polite">
                    {t('series.page', { page: page + 1, pages })}
                  </span>
                  <button type="button" className="btn btn-secondary btn-sm" disabled={page >= pages - 1} onClick={() => setPage((p) => p + 1)}>
                    {t('series.next')}
                  </button>
                </nav>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
