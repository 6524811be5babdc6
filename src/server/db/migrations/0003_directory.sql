CREATE TABLE "guide_choices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" text NOT NULL,
	"guide_id" text NOT NULL,
	"kind" text NOT NULL,
	"agreement_terms" jsonb NOT NULL,
	"terms_from" text NOT NULL,
	"intros_held" integer NOT NULL,
	"relationship_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intro_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" text NOT NULL,
	"guide_id" text NOT NULL,
	"message" text NOT NULL,
	"proposed_times" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"guide_proposed_at" timestamp with time zone,
	"guide_note" text DEFAULT '' NOT NULL,
	"decline_reason" text,
	"guide_no_show_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" text NOT NULL,
	"name" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"proven_excellence" text DEFAULT '' NOT NULL,
	"explains_how" text DEFAULT '' NOT NULL,
	"hook" text DEFAULT '' NOT NULL,
	"ask_draft" text DEFAULT '' NOT NULL,
	"stage" text DEFAULT 'drafted' NOT NULL,
	"stage_dates" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"advice" text DEFAULT '' NOT NULL,
	"applied_to" text DEFAULT '' NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"offered_back" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" text NOT NULL,
	"guide_id" text NOT NULL,
	"intro_request_id" uuid,
	"answers" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shortlist_entries" (
	"member_id" text NOT NULL,
	"guide_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shortlist_entries_member_id_guide_id_pk" PRIMARY KEY("member_id","guide_id")
);
--> statement-breakpoint
ALTER TABLE "guide_profiles" ADD COLUMN "seniority_levels" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "guide_profiles" ADD COLUMN "week_slots" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "guide_profiles" ADD COLUMN "no_shows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "guide_profiles" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "guide_profiles" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english'::regconfig, search_text)) STORED;--> statement-breakpoint
ALTER TABLE "guide_choices" ADD CONSTRAINT "guide_choices_member_id_user_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_choices" ADD CONSTRAINT "guide_choices_guide_id_user_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intro_requests" ADD CONSTRAINT "intro_requests_member_id_user_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intro_requests" ADD CONSTRAINT "intro_requests_guide_id_user_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_contacts" ADD CONSTRAINT "outreach_contacts_member_id_user_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_member_id_user_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_guide_id_user_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecards" ADD CONSTRAINT "scorecards_intro_request_id_intro_requests_id_fk" FOREIGN KEY ("intro_request_id") REFERENCES "public"."intro_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shortlist_entries" ADD CONSTRAINT "shortlist_entries_member_id_user_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shortlist_entries" ADD CONSTRAINT "shortlist_entries_guide_id_user_id_fk" FOREIGN KEY ("guide_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guide_choices_member_idx" ON "guide_choices" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE INDEX "intro_requests_member_idx" ON "intro_requests" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE INDEX "intro_requests_guide_idx" ON "intro_requests" USING btree ("guide_id","status","created_at");--> statement-breakpoint
CREATE INDEX "outreach_contacts_member_idx" ON "outreach_contacts" USING btree ("member_id","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecards_member_guide_idx" ON "scorecards" USING btree ("member_id","guide_id");--> statement-breakpoint
CREATE INDEX "guide_profiles_search_idx" ON "guide_profiles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "guide_profiles_week_slots_idx" ON "guide_profiles" USING gin ("week_slots");