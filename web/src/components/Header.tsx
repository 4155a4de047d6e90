// The top bar: menu button (phones), brand, language switch and the account.
import type { RefObject } from 'react';
import { useI18n } from '../i18n.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import { Logo } from './Logo.tsx';

interface Props {
  menuButton: RefObject<HTMLButtonElement | null>;
  menuOpen: boolean;
  onMenu: () => void;
}

export function Header({ menuButton, menuOpen, onMenu }: Props) {
  const { t, lang, setLang } = useI18n();
  const { me, signOut } = useSession();
  const user = me?.user;
  return (
    <header className="topbar">
      <button
        ref={menuButton}
        type="button"
        className="icon-btn menu-btn"
        aria-label={menuOpen ? t('nav.closeMenu') : t('nav.menu')}
        aria-expanded={menuOpen}
        aria-controls="sidebar"
        onClick={onMenu}
      >
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path d="M3 5.5h14M3 10h14M3 14.5h14" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </button>
      <Link href="/" className="brand" aria-label="有据 fincite">
        <Logo />
        <span className="brand-name">有据</span>
        <span className="brand-latin">fincite</span>
      </Link>
      <span className="tagline">{t('tagline')}</span>
      <div className="topbar-actions">
        <button
          type="button"
          className="btn btn-ghost btn-sm lang-switch"
          data-testid="lang-switch"
          // the accessible name is the visible text ("EN" / "中文", WCAG 2.5.3: a voice user says what they see);
          // the longer phrase is its description and tooltip
          title={t('lang.switchLabel')}
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="1.2" />
            <path d="M1.8 8h12.4M8 1.8c-2.2 2.4-2.2 10 0 12.4M8 1.8c2.2 2.4 2.2 10 0 12.4" fill="none" stroke="currentColor" strokeWidth="1.2" />
          </svg>
          {t('lang.switch')}
        </button>
        {user ? (
          <>
            <span className="user" title={user.email}>
              <span className="avatar" aria-hidden="true">
                {(user.name || user.email).slice(0, 1).toUpperCase()}
              </span>
              <span className="user-name">{user.name || user.email}</span>
            </span>
            {/* back to a fresh chat, so no signed-in thread stays on screen */}
            <button type="button" className="btn btn-ghost btn-sm" data-testid="sign-out" onClick={() => void signOut().then(() => navigate('/'))}>
              {t('auth.signOut')}
            </button>
          </>
        ) : (
          me && (
            <Link href="/login" className="btn btn-primary btn-sm" data-testid="nav-login">
              {t('auth.signIn')}
            </Link>
          )
        )}
      </div>
    </header>
  );
}
