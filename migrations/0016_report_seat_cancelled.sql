-- A named participant's seat can be cancelled on its own (issue 18): the booking keeps its other
-- participants with one seat fewer. The booking's report fact then takes the booking's counts as they
-- are now, not the greatest seen: `greatest` kept counts through an erasure, which deletes the
-- booking with its participants (no participant rows are left), and still does.
CREATE OR REPLACE FUNCTION "report_record_booking"("b" "bookings") RETURNS void LANGUAGE plpgsql AS $$
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
      -- The booking's participants as they are now; none left (erased): the counts as they were.
      "participants" = CASE WHEN EXCLUDED."participants" > 0 THEN EXCLUDED."participants" ELSE r."participants" END,
      "marked" = CASE WHEN EXCLUDED."participants" > 0 THEN EXCLUDED."marked" ELSE r."marked" END,
      "attended" = CASE WHEN EXCLUDED."participants" > 0 THEN EXCLUDED."attended" ELSE r."attended" END;
    IF b.need_id IS NOT NULL THEN
      PERFORM "report_record_match"(b.id, 'BOOKING', b.need_id, o.organisation_id, false, coalesce(b.confirmed_at, b.updated_at))
      FROM "course_sessions" s JOIN "offers" o ON o.id = s.offer_id WHERE s.id = b.session_id;
    END IF;
  ELSE
    UPDATE "report_bookings" SET "state" = b.state WHERE "booking_id" = b.id;
  END IF;
END $$;
