CREATE TYPE "public"."invoice_method" AS ENUM('E_INVOICE', 'EMAIL');--> statement-breakpoint
CREATE TABLE "booking_billing" (
	"booking_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid,
	"organisation_name" text NOT NULL,
	"business_id" text NOT NULL,
	"invoice_method" "invoice_method" NOT NULL,
	"e_invoice_address" text,
	"e_invoice_operator" text,
	"invoice_email" text,
	"reference" text,
	"unit_price_cents" integer NOT NULL,
	"anonymised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_billing_method_fields" CHECK (("booking_billing"."invoice_method" = 'E_INVOICE' and "booking_billing"."e_invoice_address" is not null and "booking_billing"."e_invoice_operator" is not null and "booking_billing"."invoice_email" is null)
        or ("booking_billing"."invoice_method" = 'EMAIL' and "booking_billing"."e_invoice_address" is null and "booking_billing"."e_invoice_operator" is null
          and ("booking_billing"."invoice_email" is not null or "booking_billing"."anonymised_at" is not null))),
	CONSTRAINT "booking_billing_lengths" CHECK (char_length("booking_billing"."organisation_name") between 1 and 200
        and "booking_billing"."business_id" ~ '^[0-9]{7}-[0-9]$'
        and coalesce(char_length("booking_billing"."e_invoice_address"), 0) <= 35
        and coalesce(char_length("booking_billing"."e_invoice_operator"), 0) <= 35
        and coalesce(char_length("booking_billing"."invoice_email"), 0) <= 254
        and coalesce(char_length("booking_billing"."reference"), 0) <= 70),
	CONSTRAINT "booking_billing_price" CHECK ("booking_billing"."unit_price_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "organisation_billing_details" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"organisation_name" text NOT NULL,
	"business_id" text NOT NULL,
	"invoice_method" "invoice_method" NOT NULL,
	"e_invoice_address" text,
	"e_invoice_operator" text,
	"invoice_email" text,
	"reference" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_billing_details_lengths" CHECK (char_length("organisation_billing_details"."organisation_name") between 1 and 200
        and "organisation_billing_details"."business_id" ~ '^[0-9]{7}-[0-9]$'
        and coalesce(char_length("organisation_billing_details"."e_invoice_address"), 0) <= 35
        and coalesce(char_length("organisation_billing_details"."e_invoice_operator"), 0) <= 35
        and coalesce(char_length("organisation_billing_details"."invoice_email"), 0) <= 254
        and coalesce(char_length("organisation_billing_details"."reference"), 0) <= 70)
);
--> statement-breakpoint
CREATE TABLE "reminders_sent" (
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_sent_kind_subject_id_due_at_pk" PRIMARY KEY("kind","subject_id","due_at"),
	CONSTRAINT "reminders_sent_kind_known" CHECK ("reminders_sent"."kind" in ('SESSION', 'OFFER_EXPIRING', 'WEEKLY_SUMMARY'))
);
--> statement-breakpoint
ALTER TABLE "course_sessions" ADD COLUMN "calendar_sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "offers" ADD COLUMN "reminder_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "booking_billing" ADD CONSTRAINT "booking_billing_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_billing" ADD CONSTRAINT "booking_billing_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_billing_details" ADD CONSTRAINT "organisation_billing_details_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_billing_details" ADD CONSTRAINT "organisation_billing_details_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "booking_billing_organisation_idx" ON "booking_billing" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "organisation_billing_details_updated_by_idx" ON "organisation_billing_details" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "reminders_sent_due_idx" ON "reminders_sent" USING btree ("due_at");--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_calendar_sequence" CHECK ("course_sessions"."calendar_sequence" >= 0);--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_reminder_hours" CHECK ("offers"."reminder_hours" in (0, 2, 24, 48, 168));