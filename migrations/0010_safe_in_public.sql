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
-- section 2: GraphQL rate limits
SELECT 1;
--> statement-breakpoint
-- section 7: business rules
SELECT 1;
