CREATE TABLE "session_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"proposed_by" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"session_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "session_proposals_range" CHECK ("session_proposals"."ends_at" > "session_proposals"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "session_proposals" ADD CONSTRAINT "session_proposals_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_proposals" ADD CONSTRAINT "session_proposals_proposed_by_user_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_proposals" ADD CONSTRAINT "session_proposals_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_proposals_relationship_idx" ON "session_proposals" USING btree ("relationship_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "session_proposals_open_start_idx" ON "session_proposals" USING btree ("relationship_id","starts_at") WHERE "session_proposals"."status" = 'open';