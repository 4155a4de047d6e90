// One report (/reports/:id): polled while it is queued or running (its stages, a progress bar, the time elapsed
// and an estimate of the time left), then shown in a frame with its PDF / Markdown / JSON downloads and how long
// each stage took; a failed one shows why.
import { useEffect, useState } from 'react';
import { api, ApiError, type Report, type ReportStageTiming } from '../api.ts';
import { Alert, errorText } from '../components/Alert.tsx';
import { ReportsSignedOut, StatusPill } from '../components/ReportBits.tsx';
import { formatTimestamp } from '../format.ts';
import { useI18n, type MessageKey, type Translate } from '../i18n.ts';
import { Link } from '../router.tsx';

const POLL_MS = 700;

/** The stages of a job without a plan (a job stored before plans were recorded). */
const DEFAULT_PLAN = ['resolve', 'compute', 'verify', 'render'];

/** Seconds with one decimal: 2.1. */
const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(1);

const stageLabel = (t: Translate, stage: string, fallback: string) => {
  const key = `reports.stage.${stage}` as MessageKey;
  const text = t(key);
  return text === key ? fallback : text;
};

/** The time a stage took, or has taken so far. */
const stageMs = (s: ReportStageTiming, now: number) => (s.endedAt ? Date.parse(s.endedAt) : now) - Date.parse(s.startedAt);

/** The job's stages in order, each done, active or still to come, with the time it took. */
function StageList({ report, now, live }: { report: Report; now: number; live: boolean }) {
  const { t } = useI18n();
  const plan = report.progress.plan?.length ? report.progress.plan : DEFAULT_PLAN;
  const ran = new Map((report.progress.stages ?? []).map((s) => [s.stage, s]));
  const stages = report.status === 'queued' ? ['queued', ...plan] : plan;
  const finished = report.status === 'done';
  return (
    <ol className="stages report-stages" data-testid="report-stages" aria-label={t('reports.stagesTitle')}>
      {stages.map((stage) => {
        const timing = ran.get(stage);
        const state =
          stage === 'queued' ? 'active' : timing?.endedAt || (finished && timing) ? 'done' : timing ? 'active' : finished ? 'skipped' : 'todo';
        if (state === 'skipped') return null;
        return (
          <li key={stage} className={`stage stage-${state}`} aria-current={live && state === 'active' ? 'step' : undefined}>
            <span className="stage-dot" aria-hidden="true" />
            <span className="stage-name">{stage === report.progress.stage && live ? report.progress.message || stageLabel(t, stage, stage) : stageLabel(t, stage, stage)}</span>
            {timing && (
              <span className="stage-time num" data-testid="report-stage-time">
                {t('reports.took', { s: seconds(stageMs(timing, now)) })}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** How long the finished report took and each stage's time, behind a disclosure. */
function FinishedTimings({ report }: { report: Report }) {
  const { t } = useI18n();
  const stages = report.progress.stages ?? [];
  const start = report.progress.startedAt ?? stages[0]?.startedAt;
  if (!start || !report.finishedAt || !stages.length) return null;
  const total = Date.parse(report.finishedAt) - Date.parse(start);
  return (
    <details className="report-timings" data-testid="report-timings">
      <summary>
        <span className="num" data-testid="report-took">
          {t('reports.took', { s: seconds(total) })}
        </span>
        <span className="muted"> · {t('reports.stagesTitle')}</span>
      </summary>
      <StageList report={report} now={Date.parse(report.finishedAt)} live={false} />
    </details>
  );
}

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
  const active = Boolean(report && (report.status === 'queued' || report.status === 'running'));

  // a clock for the elapsed time and the estimate between polls
  const [now, setNow] = useState(() => Date.now());
  const [polledAt, setPolledAt] = useState(() => Date.now());
  useEffect(() => setPolledAt(Date.now()), [report]);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [active]);

  const startedAt = report?.progress.startedAt ? Date.parse(report.progress.startedAt) : null;
  const elapsed = report ? now - (report.status === 'queued' || startedAt === null ? Date.parse(report.createdAt) : startedAt) : 0;
  const remaining = report?.estimate ? report.estimate.remainingMs - (now - polledAt) : null;
  const stagePct = report && report.progress.total > 0 ? (100 * report.progress.done) / report.progress.total : 0;
  // between stages the bar moves with the clock, up to where the next stage would put it
  const timePct = report?.estimate && report.status === 'running' && startedAt !== null ? (100 * (now - startedAt)) / report.estimate.totalMs : 0;
  const pct = Math.round(Math.min(report?.status === 'done' ? 100 : 95, Math.max(stagePct, Math.min(timePct, stagePct + 100 / Math.max(1, report?.progress.total ?? 1)))));

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
              <p className="progress-times num" data-testid="report-times" aria-live="off">
                <span>{t('reports.elapsed', { s: seconds(elapsed) })}</span>
                {remaining !== null && (
                  <span data-testid="report-remaining">{remaining >= 1000 ? t('reports.remaining', { s: Math.ceil(remaining / 1000) }) : t('reports.almostDone')}</span>
                )}
              </p>
              <StageList report={report} now={now} live />
              {report.estimate && (
                <p className="muted small" data-testid="report-estimate-basis">
                  {t(`reports.estimate.${report.estimate.basis}` as MessageKey, { n: report.estimate.samples })}
                </p>
              )}
            </section>
          )}
          {report.status === 'failed' && <Alert title={t('reports.failed')}>{report.error?.message ?? t('error.generic')}</Alert>}
          {report.status === 'done' && <FinishedTimings report={report} />}
          {report.status === 'done' && <iframe className="report-frame" title={t('reports.frameTitle', { title })} src={`${base}/html`} />}
        </>
      )}
    </div>
  );
}
