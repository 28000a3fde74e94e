CREATE TABLE "matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"matched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"minutes_to_match" integer NOT NULL,
	CONSTRAINT "matches_proposal_id_unique" UNIQUE("proposal_id")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"target_kind" text NOT NULL,
	"offer_id" uuid,
	"session_id" uuid,
	"student_id" uuid,
	"origin" text NOT NULL,
	"pool_key" text,
	"proposed_by" uuid NOT NULL,
	"note" text NOT NULL,
	"state" text DEFAULT 'OPEN' NOT NULL,
	"need_answer" text,
	"need_answered_by" uuid,
	"need_answered_at" timestamp with time zone,
	"target_answer" text,
	"target_answered_by" uuid,
	"target_answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "proposals_target_kind_known" CHECK ("proposals"."target_kind" in ('OFFER', 'SESSION', 'STUDENT')),
	CONSTRAINT "proposals_state_known" CHECK ("proposals"."state" in ('OPEN', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
	CONSTRAINT "proposals_origin_known" CHECK ("proposals"."origin" in ('COORDINATOR', 'EDUCATOR', 'POOL')),
	CONSTRAINT "proposals_one_target" CHECK (("proposals"."target_kind" = 'OFFER' and "proposals"."offer_id" is not null and "proposals"."session_id" is null and "proposals"."student_id" is null)
       or ("proposals"."target_kind" = 'SESSION' and "proposals"."session_id" is not null and "proposals"."offer_id" is not null and "proposals"."student_id" is null)
       or ("proposals"."target_kind" = 'STUDENT' and "proposals"."student_id" is not null and "proposals"."offer_id" is null and "proposals"."session_id" is null)),
	CONSTRAINT "proposals_note_length" CHECK (char_length("proposals"."note") <= 2000),
	CONSTRAINT "proposals_decided" CHECK ("proposals"."state" = 'OPEN' or "proposals"."decided_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_session_id_course_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."course_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_need_answered_by_users_id_fk" FOREIGN KEY ("need_answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_target_answered_by_users_id_fk" FOREIGN KEY ("target_answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matches_need_idx" ON "matches" USING btree ("need_id","matched_at");--> statement-breakpoint
CREATE INDEX "matches_matched_at_idx" ON "matches" USING btree ("matched_at");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_open_pair_unique" ON "proposals" USING btree ("need_id","target_kind",coalesce("session_id", "offer_id", "student_id")) WHERE "proposals"."state" = 'OPEN';--> statement-breakpoint
CREATE INDEX "proposals_need_idx" ON "proposals" USING btree ("need_id","created_at");--> statement-breakpoint
CREATE INDEX "proposals_offer_idx" ON "proposals" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "proposals_student_idx" ON "proposals" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "proposals_open_idx" ON "proposals" USING btree ("created_at") WHERE "proposals"."state" = 'OPEN';--> statement-breakpoint
CREATE INDEX "needs_open_topics_idx" ON "needs" USING gin ("topics") WHERE "needs"."state" = 'OPEN';--> statement-breakpoint
CREATE INDEX "student_profiles_topics_idx" ON "student_profiles" USING gin ("topics") WHERE "student_profiles"."discoverable";