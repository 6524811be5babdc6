CREATE TABLE "calendar_session_events" (
	"connection_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"calendar_url" text NOT NULL,
	"written_starts_at" timestamp with time zone NOT NULL,
	"written_ends_at" timestamp with time zone NOT NULL,
	"written_at" timestamp with time zone,
	"change" text,
	"changed_starts_at" timestamp with time zone,
	"changed_ends_at" timestamp with time zone,
	"change_seen_at" timestamp with time zone,
	CONSTRAINT "calendar_session_events_connection_id_session_id_pk" PRIMARY KEY("connection_id","session_id")
);
--> statement-breakpoint
ALTER TABLE "calendar_session_events" ADD CONSTRAINT "calendar_session_events_connection_id_calendar_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."calendar_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_session_events" ADD CONSTRAINT "calendar_session_events_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_session_events_session_idx" ON "calendar_session_events" USING btree ("session_id");