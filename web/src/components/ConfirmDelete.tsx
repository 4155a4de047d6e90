// A delete button that asks once more inline (no window.confirm: it blocks the page and automated browsers
// dismiss it).
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n.ts';

interface Props {
  label: string;
  onConfirm: () => void;
  testId?: string;
}

export function ConfirmDelete({ label, onConfirm, testId }: Props) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" className="icon-btn danger-hover" aria-label={label} title={label} data-testid={testId} onClick={() => setAsking(true)}>
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path d="M4 6h12M8 6V4.5h4V6M6 6l.8 9.5h6.4L14 6" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
    );
  }
  return (
    <span className="confirm-delete" onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
      <button type="button" ref={confirmRef} className="btn btn-danger btn-xs" data-testid={testId && `${testId}-confirm`} onClick={onConfirm}>
        {t('reports.confirmDelete')}
      </button>
      <button type="button" className="btn btn-ghost btn-xs" onClick={() => setAsking(false)}>
        {t('reports.cancel')}
      </button>
    </span>
  );
}
