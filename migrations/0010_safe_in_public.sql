-- Safe to run in public (issue 12). Statements are separated by statement-breakpoint lines.
-- section 3-4: accounts (throttling, e-mail limits)
CREATE TABLE "rate_limit_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_counters_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE INDEX "rate_limit_counters_expires_idx" ON "rate_limit_counters" USING btree ("expires_at");
--> statement-breakpoint
DROP TABLE "sign_in_failures";
--> statement-breakpoint
CREATE TABLE "sign_in_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_attempt_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sign_in_throttles_last_attempt_idx" ON "sign_in_throttles" USING btree ("last_attempt_at");
--> statement-breakpoint
-- A user's token version changes when they sign out everywhere, change or reset their password, or
-- their roles change: announce it on kv_sessions (at commit), so that every instance closes that
-- user's live subscriptions, whose tokens have just stopped working.
CREATE FUNCTION "kv_announce_session_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kv_sessions', NEW.id::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "users_session_change" AFTER UPDATE OF "token_version" ON "users"
FOR EACH ROW WHEN (NEW.token_version IS DISTINCT FROM OLD.token_version)
EXECUTE FUNCTION "kv_announce_session_change"();
--> statement-breakpoint
-- section 2: GraphQL rate limits
-- Every GraphQL request counts a hit here: unlogged, a hit writes no WAL and its commit waits for
-- no disk flush (5-10 ms each on this machine's PostgreSQL, 0.2 ms unlogged). A crash empties the
-- table, which forgives at most a window of counts.
ALTER TABLE "rate_limit_counters" SET UNLOGGED;
--> statement-breakpoint
-- section 7: business rules
SELECT 1;
