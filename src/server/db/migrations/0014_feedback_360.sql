ALTER TABLE "feedback_answers" ADD COLUMN "rating" integer;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD COLUMN "scale" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD COLUMN "round_360" text;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD COLUMN "round_360_relationship_id" uuid;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD COLUMN "before_request_id" uuid;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD CONSTRAINT "feedback_requests_round_360_relationship_id_relationships_id_fk" FOREIGN KEY ("round_360_relationship_id") REFERENCES "public"."relationships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_requests" ADD CONSTRAINT "feedback_requests_before_request_id_feedback_requests_id_fk" FOREIGN KEY ("before_request_id") REFERENCES "public"."feedback_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_requests_before_idx" ON "feedback_requests" USING btree ("before_request_id");--> statement-breakpoint
CREATE INDEX "feedback_requests_round_360_idx" ON "feedback_requests" USING btree ("round_360_relationship_id");