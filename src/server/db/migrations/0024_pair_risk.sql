ALTER TABLE "relationship_health" ADD COLUMN "risk_generation" integer DEFAULT -1 NOT NULL;--> statement-breakpoint
ALTER TABLE "relationship_health" ADD COLUMN "risk_level" text;--> statement-breakpoint
ALTER TABLE "relationship_health" ADD COLUMN "risk_detail" jsonb;--> statement-breakpoint
ALTER TABLE "relationship_health" ADD COLUMN "risk_computed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "relationship_health" ADD COLUMN "risk_stable_until" timestamp with time zone;--> statement-breakpoint
-- The early warning also reads messages, pulse check-ins and repair steps: a write to any of them makes
-- the pair's stored state stale, as sessions, actions, session pulses and agreements already do (0006).
CREATE FUNCTION corner_row_touches_health() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM corner_touch_health(OLD.relationship_id);
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND OLD.relationship_id IS DISTINCT FROM NEW.relationship_id) THEN
    PERFORM corner_touch_health(NEW.relationship_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER relationship_messages_health AFTER INSERT OR UPDATE OR DELETE ON relationship_messages
  FOR EACH ROW EXECUTE FUNCTION corner_row_touches_health();
--> statement-breakpoint
CREATE TRIGGER pulse_check_ins_health AFTER INSERT OR UPDATE OR DELETE ON pulse_check_ins
  FOR EACH ROW EXECUTE FUNCTION corner_row_touches_health();
--> statement-breakpoint
CREATE TRIGGER repair_steps_health AFTER INSERT OR UPDATE OR DELETE ON repair_steps
  FOR EACH ROW EXECUTE FUNCTION corner_row_touches_health();
