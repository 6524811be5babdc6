CREATE TABLE "guide_profiles" (
	"user_id" text PRIMARY KEY NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"kind" text DEFAULT 'mentor' NOT NULL,
	"expertise" text[] DEFAULT '{}' NOT NULL,
	"proof_of_work" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"approach" text DEFAULT 'blend' NOT NULL,
	"structure" text DEFAULT 'blend' NOT NULL,
	"style" text DEFAULT 'blend' NOT NULL,
	"credentials" text[] DEFAULT '{}' NOT NULL,
	"background" text DEFAULT '' NOT NULL,
	"works_with" text DEFAULT '' NOT NULL,
	"formats" text[] DEFAULT '{"video"}' NOT NULL,
	"city" text,
	"languages" text[] DEFAULT '{"en"}' NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"availability" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"capacity" integer DEFAULT 2 NOT NULL,
	"volunteer" boolean DEFAULT true NOT NULL,
	"price_min" integer,
	"price_max" integer,
	"currency" text,
	"organization" text,
	"default_commitments" jsonb,
	"status" text DEFAULT 'active' NOT NULL,
	"paused_reason" text,
	"paused_at" timestamp with time zone,
	"last_active_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "organization" text;--> statement-breakpoint
ALTER TABLE "guide_profiles" ADD CONSTRAINT "guide_profiles_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "guide_profiles_status_idx" ON "guide_profiles" USING btree ("status");