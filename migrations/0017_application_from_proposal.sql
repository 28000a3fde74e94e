-- Accepted proposals lead somewhere (issue 18, item 6): a student match makes the student's
-- application to the placement, marked with the proposal that made it; such an application has no
-- letter of the student's (an empty one), every other keeps 1-5000 characters.
ALTER TABLE "applications" DROP CONSTRAINT "applications_cover_letter_length";--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "proposal_id" uuid;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_cover_letter_length" CHECK (char_length("applications"."cover_letter") between 1 and 5000
        or ("applications"."proposal_id" is not null and "applications"."cover_letter" = ''));
