import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { initialLang } from './i18n.ts';
import './styles.css';

// the document's language is the UI language from the first paint on (index.html says zh-CN; App keeps it in step
// when the user switches), so screen readers and the font stack never see English text marked as Chinese
document.documentElement.lang = initialLang() === 'zh' ? 'zh-CN' : 'en';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
