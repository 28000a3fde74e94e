-- Safe to run in public (issue 12). Statements are separated by statement-breakpoint lines.
-- section 3-4: accounts (throttling, e-mail limits)
SELECT 1;
--> statement-breakpoint
-- section 2: GraphQL rate limits
SELECT 1;
--> statement-breakpoint
-- section 7: business rules
SELECT 1;
