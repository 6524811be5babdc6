ALTER TABLE "intro_requests" ADD COLUMN "slot_start" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "intro_requests" ADD COLUMN "slot_end" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "intro_requests" ADD CONSTRAINT "intro_requests_slot_no_overlap" EXCLUDE USING gist (
  "guide_id" WITH =, tstzrange("slot_start", "slot_end", '[)') WITH &&
) WHERE ("status" IN ('requested', 'accepted') AND "slot_start" IS NOT NULL);
