CREATE TYPE "public"."booking_state" AS ENUM('CONFIRMED', 'WAITLISTED', 'OFFERED', 'CANCELLED');--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"booked_by" uuid NOT NULL,
	"state" "booking_state" NOT NULL,
	"seats" integer NOT NULL,
	"queue_number" bigserial NOT NULL,
	"idempotency_key" text NOT NULL,
	"offered_until" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"offered_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_seats_positive" CHECK ("bookings"."seats" > 0),
	CONSTRAINT "bookings_offer_has_window" CHECK ("bookings"."state" <> 'OFFERED' or "bookings"."offered_until" is not null),
	CONSTRAINT "bookings_cancel_has_reason" CHECK ("bookings"."state" <> 'CANCELLED' or ("bookings"."cancelled_at" is not null and "bookings"."cancel_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "booking_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"attended" boolean
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "course_sessions" ADD COLUMN "cancellation_deadline" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD COLUMN "min_participants" integer;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD COLUMN "decision_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_session_id_course_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."course_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_booked_by_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_participants" ADD CONSTRAINT "booking_participants_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_idempotency_unique" ON "bookings" USING btree ("booked_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "bookings_session_queue_idx" ON "bookings" USING btree ("session_id","state","queue_number");--> statement-breakpoint
CREATE INDEX "bookings_booked_by_idx" ON "bookings" USING btree ("booked_by","created_at");--> statement-breakpoint
CREATE INDEX "bookings_offered_until_idx" ON "bookings" USING btree ("offered_until") WHERE "bookings"."state" = 'OFFERED';--> statement-breakpoint
CREATE INDEX "calendar_feeds_user_idx" ON "calendar_feeds" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "booking_participants_position_unique" ON "booking_participants" USING btree ("booking_id","position");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "course_sessions_decision_idx" ON "course_sessions" USING btree ("decision_at") WHERE "course_sessions"."cancelled_at" is null and "course_sessions"."min_participants" is not null;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_minimum" CHECK (("course_sessions"."min_participants" is null) = ("course_sessions"."decision_at" is null) and ("course_sessions"."min_participants" is null or "course_sessions"."min_participants" between 1 and "course_sessions"."seats"));