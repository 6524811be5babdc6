CREATE TABLE "guide_preferences" (
	"cohort_id" uuid NOT NULL,
	"guide_application_id" uuid NOT NULL,
	"member_application_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	"rank" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "guide_preferences_guide_application_id_member_application_id_pk" PRIMARY KEY("guide_application_id","member_application_id"),
	CONSTRAINT "guide_preferences_score_range" CHECK ("guide_preferences"."score" >= 0 and "guide_preferences"."score" <= 1),
	CONSTRAINT "guide_preferences_rank_positive" CHECK ("guide_preferences"."rank" is null or "guide_preferences"."rank" >= 1)
);
--> statement-breakpoint
ALTER TABLE "guide_preferences" ADD CONSTRAINT "guide_preferences_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_preferences" ADD CONSTRAINT "guide_preferences_guide_application_id_applications_id_fk" FOREIGN KEY ("guide_application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_preferences" ADD CONSTRAINT "guide_preferences_member_application_id_applications_id_fk" FOREIGN KEY ("member_application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guide_preferences_cohort_idx" ON "guide_preferences" USING btree ("cohort_id");