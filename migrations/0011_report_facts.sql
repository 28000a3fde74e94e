-- Cluster reporting (issue 14): the anonymous facts the report is computed from, and the triggers that record them.
CREATE TABLE "report_bookings" (
	"booking_id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"company_id" uuid,
	"state" text NOT NULL,
	"seats" integer NOT NULL,
	"participants" integer DEFAULT 0 NOT NULL,
	"marked" integer DEFAULT 0 NOT NULL,
	"attended" integer DEFAULT 0 NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	"session_starts_at" timestamp with time zone NOT NULL,
	"session_ends_at" timestamp with time zone NOT NULL,
	"municipality_code" text,
	"educator_organisation_id" uuid NOT NULL,
	"educator_kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_matches" (
	"source_id" uuid PRIMARY KEY NOT NULL,
	"how" text NOT NULL,
	"need_id" uuid NOT NULL,
	"need_kind" text NOT NULL,
	"company_id" uuid,
	"educator_organisation_id" uuid,
	"placement" boolean NOT NULL,
	"municipality_code" text,
	"matched_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_needs" (
	"need_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"organisation_id" uuid,
	"municipality_code" text,
	"remote" boolean NOT NULL,
	"positions" integer NOT NULL,
	"state" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"first_match_at" timestamp with time zone,
	"filled_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "need_id" uuid;--> statement-breakpoint
CREATE INDEX "report_bookings_session_idx" ON "report_bookings" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "report_bookings_starts_idx" ON "report_bookings" USING btree ("session_starts_at") WHERE "report_bookings"."state" = 'CONFIRMED';--> statement-breakpoint
CREATE INDEX "report_matches_matched_idx" ON "report_matches" USING btree ("matched_at");--> statement-breakpoint
CREATE INDEX "report_needs_published_idx" ON "report_needs" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "report_needs_first_match_idx" ON "report_needs" USING btree ("first_match_at");--> statement-breakpoint
CREATE INDEX "report_needs_filled_idx" ON "report_needs" USING btree ("filled_at");--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "course_sessions_starts_idx" ON "course_sessions" USING btree ("starts_at");--> statement-breakpoint
-- Cluster reporting (issue 14): the report is computed from anonymous facts, recorded here by the
-- database when things happen, so that every write path (the booking fast path, jobs, the demo seed)
-- records them, in the same transaction. Facts hold no person's data and no foreign keys: deleting
-- or anonymising people later leaves past periods' figures as they were. Each record_* function is
-- what its trigger runs, and also fills the facts for data that existed before this migration.
CREATE FUNCTION "report_record_need"("n" "needs", "changed_at" timestamptz) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF n.published_at IS NULL THEN RETURN; END IF;
  -- What the need was when published stays as it was (kind, company, place): later edits do not
  -- move a past period's figures. Its state and the moments it changed are kept up to date.
  INSERT INTO "report_needs" AS r ("need_id", "kind", "organisation_id", "municipality_code", "remote", "positions",
                                  "state", "published_at", "filled_at", "ended_at")
  VALUES (n.id, n.kind, n.organisation_id, n.municipality_code, n.remote, n.positions, n.state, n.published_at,
          CASE WHEN n.state = 'FILLED' THEN changed_at END,
          CASE WHEN n.state IN ('FILLED', 'CLOSED', 'EXPIRED') THEN changed_at END)
  ON CONFLICT ("need_id") DO UPDATE SET
    -- The app never moves a publication; the demo seed dates its needs back after writing them.
    "published_at" = EXCLUDED."published_at",
    "state" = EXCLUDED."state",
    "filled_at" = CASE WHEN EXCLUDED."state" = 'FILLED' THEN coalesce(r."filled_at", EXCLUDED."filled_at") END,
    -- The first time it stopped being open; EXPIRED → FILLED keeps it (the state before filling was EXPIRED).
    "ended_at" = CASE WHEN EXCLUDED."state" = 'OPEN' THEN NULL ELSE coalesce(r."ended_at", EXCLUDED."ended_at") END;
END $$;
--> statement-breakpoint
CREATE FUNCTION "report_need_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A state change stamps updated_at (closing also closed_at); the demo seed writes past ones.
  PERFORM "report_record_need"(NEW, CASE
    WHEN NEW.state = 'CLOSED' AND NEW.closed_at IS NOT NULL THEN NEW.closed_at
    WHEN TG_OP = 'UPDATE' AND NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at AND NEW.state IS DISTINCT FROM OLD.state THEN now()
    ELSE NEW.updated_at END);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "report_need_changed" AFTER INSERT OR UPDATE OF "state", "published_at" ON "needs"
  FOR EACH ROW EXECUTE FUNCTION "report_need_changed"();
--> statement-breakpoint
CREATE FUNCTION "report_record_match"("source" uuid, "how" text, "need" uuid, "educator_organisation" uuid,
                                      "is_placement" boolean, "at" timestamptz) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "report_matches" ("source_id", "how", "need_id", "need_kind", "company_id", "educator_organisation_id",
                                "placement", "municipality_code", "matched_at")
  SELECT source, how, n.id, n.kind, n.organisation_id, educator_organisation, is_placement AND n.kind <> 'COURSE',
         n.municipality_code, at
  FROM "needs" n WHERE n.id = need
  ON CONFLICT ("source_id") DO NOTHING;
  IF FOUND THEN
    UPDATE "report_needs" SET "first_match_at" = least("first_match_at", at) WHERE "need_id" = need;
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION "report_proposal_matched"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "report_record_match"(p.id, 'PROPOSAL', p.need_id, o.organisation_id, p.target_kind = 'STUDENT', NEW.matched_at)
  FROM "proposals" p LEFT JOIN "offers" o ON o.id = p.offer_id
  WHERE p.id = NEW.proposal_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "report_proposal_matched" AFTER INSERT ON "matches"
  FOR EACH ROW EXECUTE FUNCTION "report_proposal_matched"();
--> statement-breakpoint
CREATE FUNCTION "report_application_accepted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "report_record_match"(a.id, 'APPLICATION', a.need_id, NULL, true, NEW.at)
  FROM "applications" a WHERE a.id = NEW.application_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "report_application_accepted" AFTER INSERT ON "application_events"
  FOR EACH ROW WHEN (NEW.to_state = 'ACCEPTED') EXECUTE FUNCTION "report_application_accepted"();
--> statement-breakpoint
CREATE FUNCTION "report_record_booking"("b" "bookings") RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF b.state = 'CONFIRMED' THEN
    INSERT INTO "report_bookings" AS r ("booking_id", "session_id", "company_id", "state", "seats", "confirmed_at",
                                       "session_starts_at", "session_ends_at", "municipality_code",
                                       "educator_organisation_id", "educator_kind", "participants", "marked", "attended")
    SELECT b.id, b.session_id,
           -- The company it was booked for: the need's, or the booker's own (their first company).
           coalesce((SELECT n.organisation_id FROM "needs" n JOIN "organisations" c ON c.id = n.organisation_id
                     WHERE n.id = b.need_id AND c.kind = 'COMPANY'),
                    (SELECT m.organisation_id FROM "memberships" m
                       JOIN "organisations" c ON c.id = m.organisation_id AND c.kind = 'COMPANY'
                     WHERE m.user_id = b.booked_by ORDER BY m.created_at, m.organisation_id LIMIT 1)),
           'CONFIRMED', b.seats, coalesce(b.confirmed_at, b.updated_at),
           s.starts_at, s.ends_at, s.municipality_code, o.organisation_id, e.kind, c.n, c.m, c.a
    FROM "course_sessions" s JOIN "offers" o ON o.id = s.offer_id JOIN "organisations" e ON e.id = o.organisation_id
    -- Participants written before the booking's trigger runs (the same statement) are counted here;
    -- ones written by a later statement, by the participants' trigger.
    CROSS JOIN (SELECT count(*)::int AS n, count(p.attended)::int AS m, (count(*) FILTER (WHERE p.attended))::int AS a
                FROM "booking_participants" p WHERE p.booking_id = b.id) c
    WHERE s.id = b.session_id
    ON CONFLICT ("booking_id") DO UPDATE SET "state" = 'CONFIRMED', "seats" = EXCLUDED."seats",
      "participants" = greatest(r."participants", EXCLUDED."participants"),
      "marked" = greatest(r."marked", EXCLUDED."marked"), "attended" = greatest(r."attended", EXCLUDED."attended");
    IF b.need_id IS NOT NULL THEN
      PERFORM "report_record_match"(b.id, 'BOOKING', b.need_id, o.organisation_id, false, coalesce(b.confirmed_at, b.updated_at))
      FROM "course_sessions" s JOIN "offers" o ON o.id = s.offer_id WHERE s.id = b.session_id;
    END IF;
  ELSE
    UPDATE "report_bookings" SET "state" = b.state WHERE "booking_id" = b.id;
  END IF;
END $$;
--> statement-breakpoint
-- A session that moves takes its bookings' facts with it (time and place are the session's).
CREATE FUNCTION "report_session_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "report_bookings" SET "session_starts_at" = NEW.starts_at, "session_ends_at" = NEW.ends_at,
                               "municipality_code" = NEW.municipality_code
  WHERE "session_id" = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "report_session_moved" AFTER UPDATE OF "starts_at", "ends_at", "municipality_code" ON "course_sessions"
  FOR EACH ROW WHEN (NEW.starts_at IS DISTINCT FROM OLD.starts_at OR NEW.ends_at IS DISTINCT FROM OLD.ends_at
                     OR NEW.municipality_code IS DISTINCT FROM OLD.municipality_code)
  EXECUTE FUNCTION "report_session_moved"();
--> statement-breakpoint
CREATE FUNCTION "report_count_participants"("booking" uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE "report_bookings" r SET "participants" = c.n, "marked" = c.m, "attended" = c.a
  FROM (SELECT count(*)::int AS n, count(p.attended)::int AS m, (count(*) FILTER (WHERE p.attended))::int AS a
        FROM "booking_participants" p WHERE p.booking_id = booking) c
  -- Participants removed (a person's data erased with the booking) leave the counts as they were.
  WHERE r."booking_id" = booking AND c.n > 0
    -- Unchanged counts are not written again (no new row version for nothing).
    AND (r."participants", r."marked", r."attended") IS DISTINCT FROM (c.n, c.m, c.a);
$$;
--> statement-breakpoint
CREATE FUNCTION "report_booking_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "report_record_booking"(NEW);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "report_booking_changed" AFTER INSERT OR UPDATE OF "state", "seats", "need_id" ON "bookings"
  FOR EACH ROW EXECUTE FUNCTION "report_booking_changed"();
--> statement-breakpoint
CREATE FUNCTION "report_participant_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "report_count_participants"(NEW.booking_id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "report_participant_changed" AFTER INSERT OR UPDATE OF "attended" ON "booking_participants"
  FOR EACH ROW EXECUTE FUNCTION "report_participant_changed"();
--> statement-breakpoint
-- The facts of what happened before this migration, through the same functions.
SELECT "report_record_need"(n, CASE WHEN n.state = 'CLOSED' AND n.closed_at IS NOT NULL THEN n.closed_at ELSE n.updated_at END)
FROM "needs" n WHERE n.published_at IS NOT NULL;
--> statement-breakpoint
SELECT "report_record_match"(p.id, 'PROPOSAL', p.need_id, o.organisation_id, p.target_kind = 'STUDENT', m.matched_at)
FROM "matches" m JOIN "proposals" p ON p.id = m.proposal_id LEFT JOIN "offers" o ON o.id = p.offer_id;
--> statement-breakpoint
SELECT "report_record_match"(a.id, 'APPLICATION', a.need_id, NULL, true, e.at)
FROM "application_events" e JOIN "applications" a ON a.id = e.application_id WHERE e.to_state = 'ACCEPTED';
--> statement-breakpoint
SELECT "report_record_booking"(b) FROM "bookings" b WHERE b.state = 'CONFIRMED';
