CREATE TABLE "cohort_activity" (
	"cohort_id" uuid NOT NULL,
	"month" date NOT NULL,
	"held_sessions" integer DEFAULT 0 NOT NULL,
	"actions" integer DEFAULT 0 NOT NULL,
	"actions_done" integer DEFAULT 0 NOT NULL,
	"pulses" integer DEFAULT 0 NOT NULL,
	"pulse_total" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "cohort_activity_cohort_id_month_pk" PRIMARY KEY("cohort_id","month")
);
--> statement-breakpoint
CREATE TABLE "relationship_health" (
	"relationship_id" uuid PRIMARY KEY NOT NULL,
	"cohort_id" uuid,
	"member_name" text,
	"guide_name" text,
	"generation" integer DEFAULT 0 NOT NULL,
	"computed_generation" integer DEFAULT -1 NOT NULL,
	"state" text,
	"sessions_last_30_days" integer,
	"computed_at" timestamp with time zone,
	"stable_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "cohort_activity" ADD CONSTRAINT "cohort_activity_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_health" ADD CONSTRAINT "relationship_health_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "relationship_health_cohort_idx" ON "relationship_health" USING btree ("cohort_id","member_name","relationship_id");--> statement-breakpoint
CREATE INDEX "problem_reports_relationship_idx" ON "relationship_problem_reports" USING btree ("relationship_id","created_at");--> statement-breakpoint
CREATE INDEX "reflections_retrospective_idx" ON "relationship_reflections" USING btree ("relationship_id") WHERE "relationship_reflections"."kind" = 'retrospective';--> statement-breakpoint
CREATE INDEX "actions_session_idx" ON "actions" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "actions_open_due_idx" ON "actions" USING btree ("relationship_id","due_date") WHERE "actions"."status" = 'open';--> statement-breakpoint
CREATE INDEX "sessions_held_idx" ON "sessions" USING btree ("relationship_id","starts_at") WHERE "sessions"."status" = 'held';