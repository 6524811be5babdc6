ALTER TABLE "match_runs" ADD COLUMN "mode" text DEFAULT 'optimal' NOT NULL;--> statement-breakpoint
ALTER TABLE "match_runs" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
ALTER TABLE "match_runs" ADD COLUMN "proof" jsonb;--> statement-breakpoint
CREATE INDEX "match_runs_batch_idx" ON "match_runs" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "match_runs_one_published_per_batch" ON "match_runs" USING btree ("batch_id") WHERE "match_runs"."published_at" is not null;--> statement-breakpoint
ALTER TABLE "match_runs" ADD CONSTRAINT "match_runs_mode_known" CHECK ("match_runs"."mode" in ('optimal', 'stable', 'fair'));