// Pieces shared by the report library and the report page.
import type { ReportStatus } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { Link } from '../router.tsx';

export function StatusPill({ status }: { status: ReportStatus }) {
  const { t } = useI18n();
  return <span className={`pill pill-${status}`}>{t(`reports.status.${status}` as MessageKey)}</span>;
}

export function ReportsSignedOut() {
  const { t } = useI18n();
  return (
    <section className="card empty-card">
      <svg className="empty-icon" viewBox="0 0 48 48" aria-hidden="true">
        <path d="M13 6h15l9 9v27H13z M28 6v9h9 M18 24h14 M18 30h14 M18 36h9" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" strokeLinecap="round" />
      </svg>
      <h2>{t('reports.signedOutTitle')}</h2>
      <p className="muted">{t('reports.signedOutLead')}</p>
      <div className="signin-actions">
        <Link href="/login" className="btn btn-primary">
          {t('auth.signIn')}
        </Link>
        <Link href="/signup" className="btn btn-secondary">
          {t('auth.signUp')}
        </Link>
      </div>
    </section>
  );
}
