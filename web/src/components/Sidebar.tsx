// The left column: New chat, the main sections, and either the signed-in user's history or the sign-in card
// with today's remaining free questions. On phones it is a drawer opened from the header.
import { api } from '../api.ts';
import { EXAMPLES, useI18n } from '../i18n.ts';
import { Link, navigate, type Route } from '../router.tsx';
import { useSession } from '../session.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';

export function Sidebar({ route }: { route: Route }) {
  const { t, lang } = useI18n();
  const { me, conversations, refreshConversations } = useSession();

  const remove = async (id: string) => {
    try {
      await api(`/api/conversations/${encodeURIComponent(id)}`, { method: 'DELETE' });
      if (route.name === 'chat' && route.id === id) navigate('/');
    } catch {
      // the refreshed list shows the conversation is still there
    }
    await refreshConversations();
  };

  return (
    <aside id="sidebar" className="sidebar">
      <Link href="/" className="btn btn-secondary new-chat">
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
        {t('nav.newChat')}
      </Link>
      <nav className="side-nav" aria-label={t('nav.main')}>
        <Link href="/reports" data-testid="nav-reports" aria-current={route.name === 'reports' ? 'page' : undefined}>
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 1.8h5.5L12.5 5v9.2h-8.5zM9.2 1.8V5.3h3.3M6.3 8.3h4M6.3 10.8h4" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
          </svg>
          {t('nav.reports')}
        </Link>
        <Link href="/series" data-testid="nav-series" aria-current={route.name === 'series' ? 'page' : undefined}>
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M2 13.5h12M3 11l3-4 3 2.5 4-6" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {t('nav.series')}
        </Link>
      </nav>

      {me?.user ? (
        <section className="history" aria-labelledby="history-title">
          <h2 id="history-title" className="section-label">
            {t('nav.history')}
          </h2>
          {conversations.length === 0 ? (
            <>
              <p className="muted small">{t('nav.historyEmpty')}</p>
              {/* an empty history suggests questions to start with (/?q=… asks on arrival) */}
              <ul className="history-suggestions">
                {EXAMPLES[lang].slice(0, 2).map((q) => (
                  <li key={q} className="history-item">
                    <Link href={`/?q=${encodeURIComponent(q)}`} data-testid="history-suggestion" title={q}>
                      {q}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <ul>
              {conversations.map((c) => (
                <li key={c.id} className="history-item">
                  <Link href={`/c/${encodeURIComponent(c.id)}`} aria-current={route.name === 'chat' && route.id === c.id ? 'page' : undefined} title={c.title}>
                    {c.title}
                  </Link>
                  <ConfirmDelete label={t('nav.deleteConversation', { title: c.title })} onConfirm={() => void remove(c.id)} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : (
        me && (
          <section className="signin-card">
            <p>{t('auth.pitch')}</p>
            <div className="signin-actions">
              <Link href="/login" className="btn btn-primary btn-sm">
                {t('auth.signIn')}
              </Link>
              <Link href="/signup" className="btn btn-secondary btn-sm">
                {t('auth.signUp')}
              </Link>
            </div>
            {/* "998 / 1000" stays on one line (no-break spaces around the slash) */}
            {me.quota && <p className="quota small num">{t('auth.quota', { remaining: me.quota.remaining, limit: me.quota.limit }).replace(/ \/ /g, '\u00a0/\u00a0')}</p>}
          </section>
        )
      )}
    </aside>
  );
}
