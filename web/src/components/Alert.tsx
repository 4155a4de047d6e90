// An inline, friendly message box; errors are announced to screen readers as they appear.
import type { ReactNode } from 'react';
import { ApiError } from '../api.ts';
import type { Translate } from '../i18n.ts';

export function Alert({ tone = 'error', title, children }: { tone?: 'error' | 'info'; title?: string; children: ReactNode }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <svg className="alert-icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        {tone === 'error' ? <path d="M10 5.5v5.5M10 13.6v.9" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" /> : <path d="M10 9v5M10 5.8v.9" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />}
      </svg>
      <div className="alert-body">
        {title && <strong className="alert-title">{title}</strong>}
        {children}
      </div>
    </div>
  );
}

/** What to tell a person about a failed request: the server's own (localised) message when it sent one. */
export function errorText(err: unknown, t: Translate): string {
  if (err instanceof ApiError) {
    if (err.message) return err.message;
    if (err.code === 'stream_ended') return t('chat.networkError');
    return t('error.generic');
  }
  // fetch rejects with a TypeError when the network is down
  if (err instanceof TypeError) return t('chat.networkError');
  return t('error.generic');
}
