ALTER TABLE "feedback_requests" ADD COLUMN "shared_relationship_id" uuid;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "status" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "confirmed_by" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "declined_by" text;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "member_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "guide_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "open_to_anyone" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD CONSTRAINT "feedback_requests_shared_relationship_id_relationships_id_fk" FOREIGN KEY ("shared_relationship_id") REFERENCES "public"."relationships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_confirmed_by_user_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_declined_by_user_id_fk" FOREIGN KEY ("declined_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_email_idx" ON "applications" USING btree ("email");--> statement-breakpoint
-- People already working in a published pair of the cohort took part in it: their rows count as
-- confirmed. Everyone else imported before consent existed is asked, like a new import.
UPDATE "applications" a SET "status" = 'confirmed', "confirmed_by" = u."id", "answered_at" = now()
FROM "user" u
WHERE lower(u."email") = a."email"
  AND EXISTS (
    SELECT 1 FROM "relationships" r
    WHERE r."cohort_id" = a."cohort_id" AND r."status" IN ('active', 'closed')
      AND u."id" = CASE WHEN a."role" = 'member' THEN r."member_id" ELSE r."guide_id" END
  );
--> statement-breakpoint
-- Feedback shared "with the guide" before sharing named a relationship: when the member had exactly one
-- active relationship, that guide is the one they meant; with several (or none) we cannot know, so the
-- request becomes private again and the member re-shares it with the guide they choose.
UPDATE "feedback_requests" f SET "shared_relationship_id" = (
  SELECT r."id" FROM "relationships" r WHERE r."member_id" = f."user_id" AND r."status" = 'active'
)
WHERE f."shared_with_guide"
  AND (SELECT count(*) FROM "relationships" r WHERE r."member_id" = f."user_id" AND r."status" = 'active') = 1;
--> statement-breakpoint
UPDATE "feedback_requests" SET "shared_with_guide" = false
WHERE "shared_with_guide" AND "shared_relationship_id" IS NULL;
