DROP INDEX "guide_profiles_search_idx";--> statement-breakpoint
DROP INDEX "guide_profiles_week_slots_idx";--> statement-breakpoint
DROP INDEX "guide_profiles_recent_idx";--> statement-breakpoint
CREATE INDEX "guide_profiles_directory_recent_idx" ON "guide_profiles" USING btree ("last_active_at" DESC NULLS LAST,"user_id") WHERE "guide_profiles"."status" = 'active' and "guide_profiles"."capacity" > 0;--> statement-breakpoint
CREATE INDEX "guide_profiles_directory_search_idx" ON "guide_profiles" USING gin ("search") WHERE "guide_profiles"."status" = 'active' and "guide_profiles"."capacity" > 0;--> statement-breakpoint
CREATE INDEX "guide_profiles_directory_languages_idx" ON "guide_profiles" USING gin ("languages") WHERE "guide_profiles"."status" = 'active' and "guide_profiles"."capacity" > 0;--> statement-breakpoint
CREATE INDEX "guide_profiles_directory_formats_idx" ON "guide_profiles" USING gin ("formats") WHERE "guide_profiles"."status" = 'active' and "guide_profiles"."capacity" > 0;--> statement-breakpoint
CREATE INDEX "guide_profiles_directory_expertise_idx" ON "guide_profiles" USING gin ("expertise") WHERE "guide_profiles"."status" = 'active' and "guide_profiles"."capacity" > 0;--> statement-breakpoint
CREATE INDEX "guide_profiles_directory_seniority_idx" ON "guide_profiles" USING gin ("seniority_levels") WHERE "guide_profiles"."status" = 'active' and "guide_profiles"."capacity" > 0;