CREATE TABLE "guide_booking_rules" (
	"user_id" text PRIMARY KEY NOT NULL,
	"date_overrides" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"out_of_office" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 15 NOT NULL,
	"intro_min_notice_hours" integer DEFAULT 24 NOT NULL,
	"booking_window_days" integer DEFAULT 42 NOT NULL,
	"daily_limit" integer DEFAULT 4,
	"weekly_limit" integer DEFAULT 12,
	"room_link" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "guide_id" text;--> statement-breakpoint
ALTER TABLE "guide_booking_rules" ADD CONSTRAINT "guide_booking_rules_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_guide_id_user_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
UPDATE "sessions" AS s SET "guide_id" = r."guide_id"
FROM "relationships" AS r
WHERE r."id" = s."relationship_id"
  AND NOT (s."status" = 'scheduled' AND EXISTS (
    SELECT 1 FROM "sessions" AS o JOIN "relationships" AS ro ON ro."id" = o."relationship_id"
    WHERE ro."guide_id" = r."guide_id" AND o."id" <> s."id" AND o."status" = 'scheduled'
      AND o."starts_at" < s."ends_at" AND s."starts_at" < o."ends_at"
  ));--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_guide_no_overlap" EXCLUDE USING gist (
  "guide_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&
) WHERE ("status" = 'scheduled' AND "guide_id" IS NOT NULL);
