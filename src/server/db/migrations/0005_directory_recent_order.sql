DROP INDEX "guide_profiles_recent_idx";--> statement-breakpoint
CREATE INDEX "guide_profiles_recent_idx" ON "guide_profiles" USING btree ("last_active_at" DESC NULLS LAST,"user_id");