// The shell: language, session, header, sidebar and the page the URL names.
import { useEffect, useMemo, useRef, useState } from 'react';
import { setApiLang } from './api.ts';
import { Header } from './components/Header.tsx';
import { Sidebar } from './components/Sidebar.tsx';
import { useDismiss } from './hooks.ts';
import { I18nContext, initialLang, saveLang, translator, type Lang, type MessageKey } from './i18n.ts';
import { AuthPage } from './pages/AuthPage.tsx';
import { ChatPage } from './pages/ChatPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ReportPage } from './pages/ReportPage.tsx';
import { ReportsPage } from './pages/ReportsPage.tsx';
import { SeriesDetailPage } from './pages/SeriesDetailPage.tsx';
import { SeriesPage } from './pages/SeriesPage.tsx';
import { matchRoute, useLocation, type Route } from './router.tsx';
import { SessionProvider } from './session.tsx';

const TITLES: Record<Route['name'], MessageKey | null> = {
  chat: null,
  reports: 'nav.reports',
  series: 'nav.series',
  login: 'auth.signIn',
  signup: 'auth.signUp',
  notFound: 'notFound.title',
};

function Page({ route, navKey }: { route: Route; navKey: string }) {
  switch (route.name) {
    case 'chat':
      return <ChatPage navKey={navKey} {...(route.id ? { conversationId: route.id } : {})} />;
    case 'reports':
      return route.id ? <ReportPage key={route.id} id={route.id} /> : <ReportsPage />;
    case 'series':
      return route.id ? <SeriesDetailPage key={route.id} id={route.id} /> : <SeriesPage />;
    case 'login':
    case 'signup':
      return <AuthPage mode={route.name} />;
    case 'notFound':
      return <NotFoundPage />;
  }
}

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const i18n = useMemo(() => {
    const setLang = (l: Lang) => {
      saveLang(l);
      setLangState(l);
    };
    return { lang, t: translator(lang), setLang };
  }, [lang]);

  const location = useLocation();
  const route = matchRoute(location.pathname);
  const [menuOpen, setMenuOpen] = useState(false);
  const sidebar = useRef<HTMLDivElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  useDismiss(
    menuOpen,
    (reason) => {
      setMenuOpen(false);
      if (reason === 'escape') menuButton.current?.focus();
    },
    sidebar,
    menuButton,
  );

  useEffect(() => {
    setApiLang(lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  useEffect(() => {
    const key = TITLES[route.name];
    document.title = key ? `${i18n.t(key)} · 有据 fincite` : `有据 fincite — ${i18n.t('tagline')}`;
  }, [route.name, i18n]);

  // the drawer closes when the user goes somewhere
  useEffect(() => setMenuOpen(false), [location.key]);

  return (
    <I18nContext.Provider value={i18n}>
      <SessionProvider>
        <a href="#main" className="skip-link">
          {i18n.t('nav.skip')}
        </a>
        <div className="app">
          <Header menuButton={menuButton} menuOpen={menuOpen} onMenu={() => setMenuOpen((o) => !o)} />
          <div className="body">
            <div ref={sidebar} className={`sidebar-slot${menuOpen ? ' open' : ''}`}>
              <Sidebar route={route} />
            </div>
            {menuOpen && <div className="backdrop" aria-hidden="true" />}
            <main id="main" className="main" tabIndex={-1}>
              <Page route={route} navKey={location.key} />
            </main>
          </div>
        </div>
      </SessionProvider>
    </I18nContext.Provider>
  );
}
