CREATE TYPE "public"."need_kind" AS ENUM('COURSE', 'INTERNSHIP', 'SUMMER_JOB', 'THESIS');--> statement-breakpoint
CREATE TYPE "public"."need_state" AS ENUM('DRAFT', 'OPEN', 'FILLED', 'CLOSED', 'EXPIRED');--> statement-breakpoint
CREATE TYPE "public"."pay_kind" AS ENUM('PAID', 'UNPAID');--> statement-breakpoint
CREATE TYPE "public"."study_level" AS ENUM('VOCATIONAL', 'BACHELOR', 'MASTER');--> statement-breakpoint
CREATE TYPE "public"."offer_kind" AS ENUM('COURSE', 'STUDENT_POOL');--> statement-breakpoint
CREATE TYPE "public"."offer_state" AS ENUM('DRAFT', 'PUBLISHED', 'ARCHIVED');--> statement-breakpoint
CREATE TYPE "public"."search_kind" AS ENUM('COURSE', 'INTERNSHIP', 'SUMMER_JOB', 'THESIS', 'STUDENT_POOL');--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "need_kind" NOT NULL,
	"state" "need_state" DEFAULT 'DRAFT' NOT NULL,
	"organisation_id" uuid,
	"posted_by" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"language" text NOT NULL,
	"topics" text[] NOT NULL,
	"municipality_code" text,
	"remote" boolean DEFAULT false NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"positions" integer NOT NULL,
	"pay_kind" "pay_kind",
	"pay_amount_cents" integer,
	"budget_cents" integer,
	"thesis_level" "study_level",
	"languages" text[] NOT NULL,
	"application_deadline" date,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "needs_period_order" CHECK ("needs"."period_end" >= "needs"."period_start"),
	CONSTRAINT "needs_positions_positive" CHECK ("needs"."positions" > 0),
	CONSTRAINT "needs_place_or_remote" CHECK ("needs"."remote" or "needs"."municipality_code" is not null),
	CONSTRAINT "needs_published_has_time" CHECK ("needs"."state" in ('DRAFT', 'CLOSED') or "needs"."published_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "course_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"registration_deadline" timestamp with time zone NOT NULL,
	"place" text,
	"municipality_code" text,
	"online_url" text,
	"seats" integer NOT NULL,
	"seats_taken" integer DEFAULT 0 NOT NULL,
	"price_cents" integer NOT NULL,
	"language" text NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_sessions_order" CHECK ("course_sessions"."ends_at" > "course_sessions"."starts_at" and "course_sessions"."registration_deadline" <= "course_sessions"."starts_at"),
	CONSTRAINT "course_sessions_seats" CHECK ("course_sessions"."seats" > 0 and "course_sessions"."seats_taken" >= 0 and "course_sessions"."seats_taken" <= "course_sessions"."seats"),
	CONSTRAINT "course_sessions_price" CHECK ("course_sessions"."price_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "offer_kind" NOT NULL,
	"state" "offer_state" DEFAULT 'DRAFT' NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"language" text NOT NULL,
	"topics" text[] NOT NULL,
	"municipality_code" text,
	"online" boolean DEFAULT false NOT NULL,
	"languages" text[] NOT NULL,
	"claim_window_hours" integer DEFAULT 24 NOT NULL,
	"student_count" integer,
	"period_start" date,
	"period_end" date,
	"placement_kinds" text[] DEFAULT '{}' NOT NULL,
	"study_level" "study_level",
	"field_of_study" text,
	"published_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offers_claim_window" CHECK ("offers"."claim_window_hours" between 1 and 168),
	CONSTRAINT "offers_pool_has_students" CHECK ("offers"."kind" <> 'STUDENT_POOL' or "offers"."student_count" > 0)
);
--> statement-breakpoint
CREATE TABLE "student_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"institution_name" text NOT NULL,
	"field_of_study" text NOT NULL,
	"study_level" "study_level" NOT NULL,
	"topics" text[] NOT NULL,
	"languages" text[] NOT NULL,
	"available_from" date,
	"available_to" date,
	"home_municipality_code" text,
	"introduction" text,
	"discoverable" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "student_profiles_period" CHECK ("student_profiles"."available_to" is null or "student_profiles"."available_from" is null or "student_profiles"."available_to" >= "student_profiles"."available_from")
);
--> statement-breakpoint
CREATE TABLE "search_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" "search_kind" NOT NULL,
	"title" text NOT NULL,
	"excerpt" text NOT NULL,
	"language" text NOT NULL,
	"document" "tsvector" NOT NULL,
	"topics" text[] NOT NULL,
	"facet_topics" text[] DEFAULT '{}' NOT NULL,
	"municipality_code" text,
	"remote" boolean NOT NULL,
	"period_start" date,
	"period_end" date,
	"languages" text[] NOT NULL,
	"organisation_name" text,
	"price_cents" integer,
	"seats_free" integer,
	"next_starts_at" timestamp with time zone,
	"application_deadline" date,
	"starts_on" timestamp with time zone,
	"visible_until" timestamp with time zone,
	"published_at" timestamp with time zone NOT NULL,
	"refresh_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_posted_by_users_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_profiles" ADD CONSTRAINT "student_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "needs_organisation_idx" ON "needs" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "needs_posted_by_idx" ON "needs" USING btree ("posted_by");--> statement-breakpoint
CREATE INDEX "needs_open_deadline_idx" ON "needs" USING btree ("application_deadline") WHERE "needs"."state" = 'OPEN';--> statement-breakpoint
CREATE INDEX "course_sessions_offer_idx" ON "course_sessions" USING btree ("offer_id","starts_at");--> statement-breakpoint
CREATE INDEX "offers_organisation_idx" ON "offers" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "student_profiles_discoverable_idx" ON "student_profiles" USING btree ("user_id") WHERE "student_profiles"."discoverable";--> statement-breakpoint
CREATE INDEX "search_items_document_idx" ON "search_items" USING gin ("document");--> statement-breakpoint
CREATE INDEX "search_items_topics_idx" ON "search_items" USING gin ("topics");--> statement-breakpoint
CREATE INDEX "search_items_published_idx" ON "search_items" USING btree ("published_at","id");--> statement-breakpoint
CREATE INDEX "search_items_starts_idx" ON "search_items" USING btree ("starts_on","id");--> statement-breakpoint
CREATE INDEX "search_items_kind_idx" ON "search_items" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "search_items_municipality_idx" ON "search_items" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "search_items_refresh_idx" ON "search_items" USING btree ("refresh_at");