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
ALTER TABLE "course_sessions" ADD COLUMN "max_seats_per_booker" integer DEFAULT 10 NOT NULL;
--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_seats_per_booker" CHECK ("course_sessions"."max_seats_per_booker" > 0);
--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "request_hash" text;
--> statement-breakpoint
-- Bookings, proposals and matches are kept: what they refer to can no longer be deleted under them.
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_session_id_course_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_session_id_course_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."course_sessions"("id") ON DELETE restrict ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "proposals" DROP CONSTRAINT "proposals_need_id_needs_id_fk";
--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE restrict ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "proposals" DROP CONSTRAINT "proposals_offer_id_offers_id_fk";
--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE restrict ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "proposals" DROP CONSTRAINT "proposals_session_id_course_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_session_id_course_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."course_sessions"("id") ON DELETE restrict ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "proposals" DROP CONSTRAINT "proposals_student_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "proposals" DROP CONSTRAINT "proposals_proposed_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "matches" DROP CONSTRAINT "matches_need_id_needs_id_fk";
--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE restrict ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "matches" DROP CONSTRAINT "matches_proposal_id_proposals_id_fk";
--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE restrict ON UPDATE no action;
