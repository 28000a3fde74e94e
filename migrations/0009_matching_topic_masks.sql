-- Topics as bits for matching: bit i is the taxonomy's topic i (shared/src/data/topics.json, in its
-- order; the matching tests check it). Written anew, with the columns recomputed, when the taxonomy changes.
CREATE FUNCTION topic_mask(topics text[]) RETURNS bigint
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN (
    SELECT coalesce(bit_or(1::bigint << (array_position(taxonomy.ids, t) - 1)), 0)
    FROM (SELECT ARRAY['bioenergy', 'wood-chips', 'pellets', 'firewood', 'biogas', 'forest-energy-harvesting', 'biofuels-transport', 'heat', 'heat-entrepreneurship', 'district-heating', 'ground-source-heat', 'air-heat-pumps', 'solar-thermal', 'electricity', 'solar-pv', 'wind-power', 'small-hydro', 'energy-storage', 'smart-grids', 'electricity-markets', 'hydrogen', 'electric-mobility', 'efficiency', 'building-energy', 'farm-energy', 'energy-advice', 'energy-audits', 'circular-economy', 'technical', 'electrical-installation', 'hvac', 'automation', 'machinery-maintenance', 'data-and-software', 'business', 'business-planning', 'funding', 'eu-projects', 'public-procurement', 'marketing-sales', 'accounting', 'permits-law', 'internationalisation', 'digital-marketing', 'safety', 'occupational-safety-card', 'hot-work-card', 'first-aid', 'electrical-safety', 'working-at-heights']::text[] AS ids) taxonomy, unnest(topics) t
    WHERE t = ANY (taxonomy.ids)
  );--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "topic_mask" bigint GENERATED ALWAYS AS (topic_mask(topics)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "match_document" "tsvector" GENERATED ALWAYS AS (case when kind = 'COURSE' then to_tsvector('simple'::regconfig, title || ' ' || description) end) STORED;--> statement-breakpoint
ALTER TABLE "student_profiles" ADD COLUMN "topic_mask" bigint GENERATED ALWAYS AS (topic_mask(topics)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "search_items" ADD COLUMN "topic_mask" bigint GENERATED ALWAYS AS (topic_mask(topics)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "search_items_course_topics_idx" ON "search_items" USING gin ("topics") WHERE kind = 'COURSE';--> statement-breakpoint
CREATE INDEX "search_items_internship_topics_idx" ON "search_items" USING gin ("topics") WHERE kind = 'INTERNSHIP';--> statement-breakpoint
CREATE INDEX "search_items_summer_job_topics_idx" ON "search_items" USING gin ("topics") WHERE kind = 'SUMMER_JOB';--> statement-breakpoint
CREATE INDEX "search_items_thesis_topics_idx" ON "search_items" USING gin ("topics") WHERE kind = 'THESIS';--> statement-breakpoint
CREATE INDEX "search_items_student_pool_topics_idx" ON "search_items" USING gin ("topics") WHERE kind = 'STUDENT_POOL';