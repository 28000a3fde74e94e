ALTER TABLE "course_sessions" ADD COLUMN "calendar_sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_calendar_sequence" CHECK ("course_sessions"."calendar_sequence" >= 0);
