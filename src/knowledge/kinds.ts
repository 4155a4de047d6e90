// The vocabularies and limits of the knowledge base that interfaces check arguments against, in a module of
// their own so a command can validate its options without loading the search index or the segmenter.
import type { DocumentKind } from '../core/types.ts';

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['statement', 'minutes', 'implementation_note', 'sep', 'speech', 'press_release', 'decision', 'other'];

export const EVENT_KINDS = ['qt_start', 'qt_end', 'qt_cap_change', 'qt_plan', 'rate_decision', 'srf', 'reinvestment', 'balance_sheet_other'] as const;
export type PolicyEventKind = (typeof EVENT_KINDS)[number];

/** Longest search text accepted, in characters. */
export const MAX_QUERY_LENGTH = 500;
/** Most search hits returned at once. */
export const MAX_LIMIT = 100;
