CREATE TABLE "companies" (
	"ticker" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"exchange" text,
	"sector" text,
	"cik" text,
	"currency" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"url" text NOT NULL,
	"language" text NOT NULL,
	"publisher" text NOT NULL,
	"body" text NOT NULL,
	"retrieved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fomc_decisions" (
	"date" date PRIMARY KEY NOT NULL,
	"action" text NOT NULL,
	"lower" double precision,
	"upper" double precision,
	"votes_for" integer,
	"votes_against" integer,
	"url" text
);
--> statement-breakpoint
CREATE TABLE "fundamentals" (
	"ticker" text NOT NULL,
	"statement" text NOT NULL,
	"period" text NOT NULL,
	"period_end" date NOT NULL,
	"item" text NOT NULL,
	"value" double precision NOT NULL,
	"source_url" text NOT NULL,
	"retrieved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fundamentals_ticker_statement_period_period_end_item_pk" PRIMARY KEY("ticker","statement","period","period_end","item")
);
--> statement-breakpoint
CREATE TABLE "observation_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"series_id" text NOT NULL,
	"date" date NOT NULL,
	"old_value" double precision,
	"new_value" double precision,
	"old_retrieved_at" timestamp with time zone NOT NULL,
	"revised_at" timestamp with time zone NOT NULL,
	"sync_run_id" integer
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"series_id" text NOT NULL,
	"date" date NOT NULL,
	"value" double precision,
	"open" double precision,
	"high" double precision,
	"low" double precision,
	"volume" double precision,
	"retrieved_at" timestamp with time zone NOT NULL,
	"sync_run_id" integer,
	CONSTRAINT "observations_series_id_date_pk" PRIMARY KEY("series_id","date")
);
--> statement-breakpoint
CREATE TABLE "series" (
	"id" text PRIMARY KEY NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unit_kind" text NOT NULL,
	"unit_scale" double precision NOT NULL,
	"unit_currency" text,
	"unit_label" text NOT NULL,
	"frequency" text NOT NULL,
	"category" text NOT NULL,
	"source_id" text NOT NULL,
	"url" text NOT NULL,
	"notes" text,
	"ticker" text,
	"first_date" date,
	"last_date" date,
	"observation_count" integer DEFAULT 0 NOT NULL,
	"reported_units" text,
	"last_sync_url" text,
	"last_sync_mode" text,
	"last_synced_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" text PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_zh" text NOT NULL,
	"url" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_problems" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" integer NOT NULL,
	"series_id" text NOT NULL,
	"kind" text NOT NULL,
	"detail" text NOT NULL,
	"date" date
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"series_total" integer DEFAULT 0 NOT NULL,
	"series_done" integer DEFAULT 0 NOT NULL,
	"series_failed" integer DEFAULT 0 NOT NULL,
	"rows_added" integer DEFAULT 0 NOT NULL,
	"rows_revised" integer DEFAULT 0 NOT NULL,
	"rows_unchanged" integer DEFAULT 0 NOT NULL,
	"documents_added" integer DEFAULT 0 NOT NULL,
	"by_source" jsonb,
	"duration_ms" integer,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "fundamentals" ADD CONSTRAINT "fundamentals_ticker_companies_ticker_fk" FOREIGN KEY ("ticker") REFERENCES "public"."companies"("ticker") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_series_id_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series" ADD CONSTRAINT "series_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_problems" ADD CONSTRAINT "sync_problems_run_id_sync_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."sync_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_date_idx" ON "documents" USING btree ("date");--> statement-breakpoint
CREATE INDEX "observation_revisions_series_date_idx" ON "observation_revisions" USING btree ("series_id","date");--> statement-breakpoint
CREATE INDEX "series_ticker_idx" ON "series" USING btree ("ticker");--> statement-breakpoint
CREATE INDEX "sync_problems_run_idx" ON "sync_problems" USING btree ("run_id");