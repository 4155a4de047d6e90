// One report (/reports/:id): polled while it is queued or running (progress bar and the current stage), then
// shown in a frame with its PDF / Markdown / JSON downloads; a failed one shows why.
import { useEffect, useState } from 'react';
import { api, ApiError, type Report } from '../api.ts';
import { Alert, errorText } from '../components/Alert.tsx';
import { ReportsSignedOut, StatusPill } from '../components/ReportBits.tsx';
import { formatTimestamp } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { Link } from '../router.tsx';

const POLL_MS = 700;

export function ReportPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<{ message: string; signedOut: boolean } | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const r = await api<Report>(`/api/reports/${encodeURIComponent(id)}`, { signal: ctrl.signal });
        setReport(r);
        setError(null);
        if (r.status === 'queued' || r.status === 'running') timer = setTimeout(() => void poll(), POLL_MS);
      } catch (err) {
        if (ctrl.signal.aborted) return;
        setError({ message: errorText(err, t), signedOut: err instanceof ApiError && err.status === 401 });
      }
    };
    void poll();
    return () => {
      ctrl.abort();
      clearTimeout(timer);
    };
    // t only words an error; changing language must not restart polling
  }, [id, attempt]);

  const base = `/api/reports/${encodeURIComponent(id)}`;
  const title = report?.title ?? report?.topic ?? '';
  const active = report && (report.status === 'queued' || report.status === 'running');
  const pct = report && report.progress.total > 0 ? Math.round((100 * report.progress.done) / report.progress.total) : 0;

  if (error?.signedOut) {
    return (
      <div className="page">
        <ReportsSignedOut />
      </div>
    );
  }

  return (
    <div className={`page${report?.status === 'done' ? ' page-wide' : ''}`}>
      <Link href="/reports" className="back-link">
        ← {t('reports.back')}
      </Link>
      {error && (
        <Alert>
          {error.message}{' '}
          <button type="button" className="link-btn" onClick={() => setAttempt((a) => a + 1)}>
            {t('common.retry')}
          </button>
        </Alert>
      )}
      {!report && !error && <p className="muted">{t('common.loading')}</p>}
      {report && (
        <>
          <header className="report-head">
            <div>
              <h1>{title || t('reports.untitled')}</h1>
              <p className="muted small">
                <StatusPill status={report.status} /> <span className="num">{t('reports.created', { date: formatTimestamp(report.createdAt) })}</span>
              </p>
            </div>
            {report.status === 'done' && (
              <div className="downloads">
                <a className="btn btn-primary btn-sm" href={`${base}/pdf`} download data-testid="download-pdf">
                  {t('reports.downloadPdf')}
                </a>
                <a className="btn btn-secondary btn-sm" href={`${base}/md`} download data-testid="download-md">
                  {t('reports.downloadMd')}
                </a>
                <a className="btn btn-secondary btn-sm" href={`${base}/json`} download data-testid="download-json">
                  {t('reports.downloadJson')}
                </a>
              </div>
            )}
          </header>
          {active && (
            <section className="card report-progress" data-testid="report-progress" aria-live="polite">
              <div className="progress-top">
                <span>{report.progress.message || t(`reports.status.${report.status}`)}</span>
                {report.progress.total > 0 && <span className="muted num">{t('reports.step', { done: report.progress.done, total: report.progress.total })}</span>}
              </div>
              <div className="progress" role="progressbar" aria-label={t('reports.progress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
                <div className={`progress-fill${report.status === 'queued' ? ' indeterminate' : ''}`} style={{ width: `${Math.max(pct, 4)}%` }} />
              </div>
            </section>
          )}
          {report.status === 'failed' && <Alert title={t('reports.failed')}>{report.error ?? t('error.generic')}</Alert>}
          {report.status === 'done' && <iframe className="report-frame" title={t('reports.frameTitle', { title })} src={`${base}/html`} />}
        </>
      )}
    </div>
  );
}
