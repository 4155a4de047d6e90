// "Verified 3/3 numbers": how many numbers in the answer were matched to computed facts or cited passages.
// Clicking (or hovering, via title) explains what that means, says that the bound numbers open their sources, and
// lists any number that could not be matched.
import { useRef, useState } from 'react';
import type { Verification } from '../../../src/core/answer.ts';
import { useDismiss } from '../hooks.ts';
import { useI18n } from '../i18n.ts';

interface Props {
  verification: Verification;
  panelId: string;
  /** How many numbers of the answer are buttons that open their fact (Answer.numbers found in the text). */
  clickable?: number;
}

export function VerifiedBadge({ verification, panelId, clickable = 0 }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  useDismiss(
    open,
    (reason) => {
      setOpen(false);
      if (reason === 'escape') button.current?.focus();
    },
    panel,
    button,
  );

  const { numbers, supported, unsupported } = verification;
  const ok = unsupported.length === 0;
  const label = numbers === 0 ? t('answer.noNumbers') : t('answer.verified', { supported, numbers });
  return (
    <span className="badge-wrap">
      <button
        ref={button}
        type="button"
        className={`badge ${numbers === 0 ? 'badge-neutral' : ok ? 'badge-ok' : 'badge-warn'}`}
        data-testid="verified-badge"
        aria-expanded={open}
        aria-controls={panelId}
        title={t('answer.verifiedExplain')}
        onClick={() => setOpen((o) => !o)}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          {ok ? (
            <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
          ) : (
            <path d="M8 3.5v5.5M8 11.6v.9" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          )}
        </svg>
        {label}
      </button>
      {open && (
        <div ref={panel} id={panelId} className="popover badge-panel" role="region" aria-label={t('answer.verifiedTitle')}>
          <strong className="popover-title">{t('answer.verifiedTitle')}</strong>
          <p>{t('answer.verifiedExplain')}</p>
          {ok && numbers > 0 && <p className="ok-text">{t('answer.verifiedAll', { numbers })}</p>}
          {clickable > 0 && <p data-testid="numbers-hint">{t('num.hint')}</p>}
          {!ok && (
            <>
              <p>{t('answer.unsupportedTitle')}</p>
              <ul className="unsupported">
                {unsupported.map((u, i) => (
                  <li key={i}>
                    <code>{u.text}</code> {u.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </span>
  );
}
