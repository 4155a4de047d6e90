// The database schema, declared once for both backends (embedded PGlite and PostgreSQL).
// Migrations in ./migrations are generated from this file with `npm run db:generate`.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

export const sources = pgTable('sources', {
  id: text('id').primaryKey(),
  nameEn: text('name_en').notNull(),
  nameZh: text('name_zh').notNull(),
  url: text('url').notNull(),
});

export const series = pgTable(
  'series',
  {
    id: text('id').primaryKey(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    aliases: jsonb('aliases').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    unitKind: text('unit_kind').notNull(),
    unitScale: doublePrecision('unit_scale').notNull(),
    unitCurrency: text('unit_currency'),
    unitLabel: text('unit_label').notNull(),
    frequency: text('frequency').notNull(),
    category: text('category').notNull(),
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id),
    url: text('url').notNull(),
    notes: text('notes'),
    ticker: text('ticker'),
    firstDate: date('first_date', { mode: 'string' }),
    lastDate: date('last_date', { mode: 'string' }),
    observationCount: integer('observation_count').notNull().default(0),
    /** Units as the source last reported them; a change is a data problem worth reporting. */
    reportedUnits: text('reported_units'),
    /** The URL last read for this series and when (provenance of the stored values). */
    lastSyncUrl: text('last_sync_url'),
    lastSyncMode: text('last_sync_mode'),
    lastSyncedAt: timestamp('last_synced_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('series_ticker_idx').on(t.ticker)],
);

export const observations = pgTable(
  'observations',
  {
    seriesId: text('series_id')
      .notNull()
      .references(() => series.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    value: doublePrecision('value'),
    open: doublePrecision('open'),
    high: doublePrecision('high'),
    low: doublePrecision('low'),
    volume: doublePrecision('volume'),
    retrievedAt: timestamp('retrieved_at', { withTimezone: true, mode: 'date' }).notNull(),
    syncRunId: integer('sync_run_id'),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.date] })],
);

/** The value an observation had before a re-sync changed it (publishers revise data). */
export const observationRevisions = pgTable(
  'observation_revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    seriesId: text('series_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    oldValue: doublePrecision('old_value'),
    newValue: doublePrecision('new_value'),
    oldRetrievedAt: timestamp('old_retrieved_at', { withTimezone: true, mode: 'date' }).notNull(),
    revisedAt: timestamp('revised_at', { withTimezone: true, mode: 'date' }).notNull(),
    syncRunId: integer('sync_run_id'),
  },
  (t) => [index('observation_revisions_series_date_idx').on(t.seriesId, t.date)],
);

export const companies = pgTable('companies', {
  ticker: text('ticker').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  aliases: jsonb('aliases').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  exchange: text('exchange'),
  sector: text('sector'),
  cik: text('cik'),
  currency: text('currency').notNull(),
});

export const fundamentals = pgTable(
  'fundamentals',
  {
    ticker: text('ticker')
      .notNull()
      .references(() => companies.ticker, { onDelete: 'cascade' }),
    statement: text('statement').notNull(),
    period: text('period').notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    item: text('item').notNull(),
    value: doublePrecision('value').notNull(),
    sourceUrl: text('source_url').notNull(),
    retrievedAt: timestamp('retrieved_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticker, t.statement, t.period, t.periodEnd, t.item] })],
);

export const documents = pgTable(
  'documents',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    url: text('url').notNull(),
    language: text('language').notNull(),
    publisher: text('publisher').notNull(),
    body: text('body').notNull(),
    retrievedAt: timestamp('retrieved_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('documents_date_idx').on(t.date)],
);

export const fomcDecisions = pgTable('fomc_decisions', {
  date: date('date', { mode: 'string' }).primaryKey(),
  /** 'hike' | 'cut' | 'hold' | 'operational' (an announcement between meetings, without a range or vote) */
  action: text('action').notNull(),
  lower: doublePrecision('lower'),
  upper: doublePrecision('upper'),
  votesFor: integer('votes_for'),
  votesAgainst: integer('votes_against'),
  url: text('url'),
});

export const syncRuns = pgTable('sync_runs', {
  id: serial('id').primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  /** 'live' | 'snapshot' | 'mixed' */
  mode: text('mode').notNull(),
  /** 'running' | 'completed' | 'failed' | 'interrupted' */
  status: text('status').notNull(),
  seriesTotal: integer('series_total').notNull().default(0),
  seriesDone: integer('series_done').notNull().default(0),
  seriesFailed: integer('series_failed').notNull().default(0),
  rowsAdded: integer('rows_added').notNull().default(0),
  rowsRevised: integer('rows_revised').notNull().default(0),
  rowsUnchanged: integer('rows_unchanged').notNull().default(0),
  documentsAdded: integer('documents_added').notNull().default(0),
  /** Rows added/revised per source, e.g. {"fred": {"added": 10, "revised": 0, "mode": "snapshot"}}. */
  bySource: jsonb('by_source').$type<Record<string, { added: number; revised: number; series: number }>>(),
  durationMs: integer('duration_ms'),
  error: text('error'),
});

export const syncProblems = pgTable(
  'sync_problems',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    runId: integer('run_id')
      .notNull()
      .references(() => syncRuns.id, { onDelete: 'cascade' }),
    seriesId: text('series_id').notNull(),
    kind: text('kind').notNull(),
    detail: text('detail').notNull(),
    date: date('date', { mode: 'string' }),
  },
  (t) => [index('sync_problems_run_idx').on(t.runId)],
);

/** Small key-value settings of the installation (e.g. the hash of the catalog last written to `series`). */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Passages of the stored documents, for knowledge-base search and citations: each an exact slice of its
 * document's body (start/end offsets) with its normalised search tokens (lower-cased, stemmed English words and
 * dictionary-segmented Chinese words) kept as a plain text[] so PGlite and PostgreSQL search the same way.
 */
export const passages = pgTable(
  'passages',
  {
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    startOffset: integer('start_offset').notNull(),
    endOffset: integer('end_offset').notNull(),
    text: text('text').notNull(),
    tokens: text('tokens').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.position] })],
);

/** Which version of each document the passages were built from: a document is re-split only when this changes. */
export const indexedDocuments = pgTable('indexed_documents', {
  documentId: text('document_id')
    .primaryKey()
    .references(() => documents.id, { onDelete: 'cascade' }),
  contentHash: text('content_hash').notNull(),
  passageCount: integer('passage_count').notNull(),
  indexedAt: timestamp('indexed_at', { withTimezone: true, mode: 'date' }).notNull(),
});

// ---- Application state: accounts (better-auth's core tables), conversations, report jobs, the signed-out quota.
// Property names are better-auth's field names; the drizzle adapter maps them to these columns.

export const authUser = pgTable('auth_user', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const authSession = pgTable(
  'auth_session',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => authUser.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('auth_session_user_idx').on(t.userId)],
);

export const authAccount = pgTable(
  'auth_account',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => authUser.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true, mode: 'date' }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true, mode: 'date' }),
    scope: text('scope'),
    /** better-auth's password hash (scrypt), never the password. */
    password: text('password'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('auth_account_user_idx').on(t.userId)],
);

export const authVerification = pgTable('auth_verification', {
  id: text('id').primaryKey(),
  identifier: text('identifier').notNull(),
  value: text('value').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** A signed-in user's chat thread. */
export const conversations = pgTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => authUser.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('conversations_user_idx').on(t.userId, t.updatedAt)],
);

/** One question and the Answer it got, as returned to the user. */
export const messages = pgTable(
  'messages',
  {
    id: text('id').primaryKey(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    question: text('question').notNull(),
    answer: jsonb('answer').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('messages_conversation_idx').on(t.conversationId, t.createdAt)],
);

/** A deep research report job of one user: queued → running → done | failed, with its outputs once done. */
export const reports = pgTable(
  'reports',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => authUser.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    lang: text('lang').notNull(),
    status: text('status').notNull(),
    progress: jsonb('progress').notNull(),
    title: text('title'),
    error: jsonb('error'),
    report: jsonb('report'),
    markdown: text('markdown'),
    html: text('html'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    /** How many executions have claimed the job (1 for the first run; a retry or a re-delivery adds one). */
    attempt: integer('attempt').notNull().default(0),
    /** The claim token of the execution that may complete the job; any other execution's result is discarded. */
    claim: text('claim'),
  },
  (t) => [index('reports_user_idx').on(t.userId, t.createdAt), index('reports_status_idx').on(t.status)],
);

/**
 * Every execution of a report job: which worker ran which attempt, when, and how it ended — `running` (still, or
 * its worker died), `succeeded` (it completed the job), `failed` (it threw), `discarded` (it finished after
 * losing its claim, so its result was not stored).
 */
export const reportRuns = pgTable(
  'report_runs',
  {
    id: text('id').primaryKey(),
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    claim: text('claim').notNull(),
    worker: text('worker').notNull(),
    outcome: text('outcome').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('report_runs_report_idx').on(t.reportId, t.attempt)],
);

/** Questions asked by signed-out visitors per key (client address) and UTC day, for the daily quota. */
export const askQuota = pgTable(
  'ask_quota',
  {
    key: text('key').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.day] })],
);
