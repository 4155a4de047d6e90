// Dates and plain numbers for display. Money and rates in answers go through src/core/format.ts instead, so
// the browser and the server write them identically.
import type { Lang } from './i18n.ts';

/** An ISO timestamp as local "YYYY-MM-DD HH:mm" (unambiguous in both languages). */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A series value in its native units, grouped, with up to 4 decimals. */
export function formatNumber(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 4 }).format(value);
}
