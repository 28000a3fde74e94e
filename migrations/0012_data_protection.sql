CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_roles" text[] DEFAULT '{}' NOT NULL,
	"action" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "audit_events_action_known" CHECK ("audit_events"."action" in ('ROLES_CHANGED', 'ORGANISATION_VERIFIED', 'ORGANISATION_UNVERIFIED', 'USER_DEACTIVATED', 'USER_REACTIVATED', 'USER_ERASED', 'ACCOUNT_DELETED', 'ACCOUNT_EXPIRED')),
	CONSTRAINT "audit_events_subject_kind_known" CHECK ("audit_events"."subject_kind" in ('USER', 'ORGANISATION'))
);
--> statement-breakpoint
CREATE TABLE "data_access_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"subject_user_id" uuid NOT NULL,
	"viewer_id" uuid NOT NULL,
	"viewer_roles" text[] DEFAULT '{}' NOT NULL,
	"viewer_organisation_id" uuid,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"object_id" uuid,
	CONSTRAINT "data_access_events_kind_known" CHECK ("data_access_events"."kind" in ('PROFILE', 'APPLICATION', 'PARTICIPANT_DETAILS')),
	CONSTRAINT "data_access_events_source_known" CHECK ("data_access_events"."source" in ('PROFILE_PAGE', 'APPLICATIONS', 'MATCHING', 'PROPOSALS', 'PARTICIPANTS', 'ADMIN'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_active_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "inactivity_warned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deactivation_reason" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "booking_participants" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_subject_idx" ON "audit_events" USING btree ("subject_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "data_access_events_subject_idx" ON "data_access_events" USING btree ("subject_user_id","at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "data_access_events_at_idx" ON "data_access_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "users_last_active_idx" ON "users" USING btree ("last_active_at") WHERE "users"."anonymised_at" is null;--> statement-breakpoint
CREATE INDEX "applications_retention_idx" ON "applications" USING btree ("updated_at") WHERE "applications"."state" in ('REJECTED', 'WITHDRAWN') and "applications"."anonymised_at" is null;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_deactivation_reason" CHECK ("users"."deactivation_reason" is null or char_length("users"."deactivation_reason") <= 500);