ALTER TABLE "search_items" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
CREATE INDEX "search_items_organisation_idx" ON "search_items" USING btree ("organisation_id");--> statement-breakpoint
UPDATE "search_items" SET "organisation_id" = "offers"."organisation_id" FROM "offers" WHERE "offers"."id" = "search_items"."id";--> statement-breakpoint
UPDATE "search_items" SET "organisation_id" = "needs"."organisation_id" FROM "needs" WHERE "needs"."id" = "search_items"."id";
