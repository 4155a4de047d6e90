// Any URL the app does not know (the server answers it with this app and status 404): what happened, the address
// asked for, the three places to go and a few questions to ask right away (/?q=… asks on arrival).
import { EXAMPLES, useI18n, type MessageKey } from '../i18n.ts';
import { Link, useLocation } from '../router.tsx';

const PLACES: Array<{ href: string; title: MessageKey; desc: MessageKey; testId: string; icon: string }> = [
  { href: '/', title: 'notFound.chat', desc: 'notFound.chatDesc', testId: 'notfound-chat', icon: 'M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z' },
  { href: '/series', title: 'nav.series', desc: 'notFound.seriesDesc', testId: 'notfound-series', icon: 'M2 13.5h12M3 11l3-4 3 2.5 4-6' },
  { href: '/reports', title: 'nav.reports', desc: 'notFound.reportsDesc', testId: 'notfound-reports', icon: 'M4 1.8h5.5L12.5 5v9.2h-8.5zM9.2 1.8V5.3h3.3M6.3 8.3h4M6.3 10.8h4' },
];

export function NotFoundPage() {
  const { t, lang } = useI18n();
  const { pathname } = useLocation();
  return (
    <div className="page not-found" data-testid="not-found">
      <header className="page-head">
        <p className="not-found-code num" aria-hidden="true">
          404
        </p>
        <h1>{t('notFound.title')}</h1>
        <p className="lead">{t('notFound.lead')}</p>
        <p className="muted small">
          {t('notFound.path')}
          {lang === 'zh' ? '：' : ': '}
          <code className="not-found-path">{pathname}</code>
        </p>
      </header>
      <section className="section" aria-labelledby="notfound-go">
        <h2 id="notfound-go" className="section-label">
          {t('notFound.goTitle')}
        </h2>
        <div className="not-found-places">
          {PLACES.map((p) => (
            <Link key={p.href} href={p.href} className="card not-found-place" data-testid={p.testId}>
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path d={p.icon} fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
              <span className="not-found-place-title">{t(p.title)}</span>
              <span className="muted small">{t(p.desc)}</span>
            </Link>
          ))}
        </div>
      </section>
      <section className="section" aria-labelledby="notfound-examples">
        <h2 id="notfound-examples" className="section-label">
          {t('notFound.examples')}
        </h2>
        <div className="examples">
          {EXAMPLES[lang].map((q) => (
            <Link key={q} href={`/?q=${encodeURIComponent(q)}`} className="example" data-testid="notfound-example">
              <span>{q}</span>
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <path d="M3 8h9M8.5 4.5L12 8l-3.5 3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
            </Link>
          ))}
        </div>
      </section>
    </div>
  );
}
