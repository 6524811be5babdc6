CREATE TABLE "cohort_lotteries" (
	"cohort_id" uuid PRIMARY KEY NOT NULL,
	"seed" text NOT NULL,
	"seats" integer NOT NULL,
	"selected" jsonb NOT NULL,
	"waiting" jsonb NOT NULL,
	"drawn_by" text,
	"drawn_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cohort_outcome_settings" (
	"cohort_id" uuid PRIMARY KEY NOT NULL,
	"pulse_interval_days" integer NOT NULL,
	"designated_contact_id" text
);
--> statement-breakpoint
CREATE TABLE "outcome_values" (
	"cohort_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"measure" text NOT NULL,
	"scale" text NOT NULL,
	"value" double precision NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "outcome_values_application_id_measure_pk" PRIMARY KEY("application_id","measure")
);
--> statement-breakpoint
CREATE TABLE "pair_endings" (
	"relationship_id" uuid PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"closed_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pulse_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"round" integer NOT NULL,
	"relationship_score" integer NOT NULL,
	"progress_score" integer NOT NULL,
	"would_recommend" boolean NOT NULL,
	"comment" text,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pulse_check_ins_relationship_range" CHECK ("pulse_check_ins"."relationship_score" between 1 and 5),
	CONSTRAINT "pulse_check_ins_progress_range" CHECK ("pulse_check_ins"."progress_score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "repair_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"taken_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cohort_lotteries" ADD CONSTRAINT "cohort_lotteries_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_lotteries" ADD CONSTRAINT "cohort_lotteries_drawn_by_user_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_outcome_settings" ADD CONSTRAINT "cohort_outcome_settings_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_outcome_settings" ADD CONSTRAINT "cohort_outcome_settings_designated_contact_id_user_id_fk" FOREIGN KEY ("designated_contact_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_values" ADD CONSTRAINT "outcome_values_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_values" ADD CONSTRAINT "outcome_values_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_endings" ADD CONSTRAINT "pair_endings_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_endings" ADD CONSTRAINT "pair_endings_closed_by_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_check_ins" ADD CONSTRAINT "pulse_check_ins_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_check_ins" ADD CONSTRAINT "pulse_check_ins_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_steps" ADD CONSTRAINT "repair_steps_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_steps" ADD CONSTRAINT "repair_steps_taken_by_user_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outcome_values_cohort_idx" ON "outcome_values" USING btree ("cohort_id","measure");--> statement-breakpoint
CREATE UNIQUE INDEX "pulse_check_ins_once_idx" ON "pulse_check_ins" USING btree ("relationship_id","user_id","round");--> statement-breakpoint
CREATE INDEX "repair_steps_relationship_idx" ON "repair_steps" USING btree ("relationship_id","created_at");