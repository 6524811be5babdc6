CREATE TABLE "cohort_pulse_months" (
	"cohort_id" uuid NOT NULL,
	"month" date NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	"answers" integer DEFAULT 0 NOT NULL,
	"relationship_total" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"recommends" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "cohort_pulse_months_cohort_id_month_pk" PRIMARY KEY("cohort_id","month")
);
--> statement-breakpoint
CREATE TABLE "pulse_person_months" (
	"cohort_id" uuid NOT NULL,
	"month" date NOT NULL,
	"user_id" text NOT NULL,
	"answers" integer NOT NULL,
	CONSTRAINT "pulse_person_months_cohort_id_month_user_id_pk" PRIMARY KEY("cohort_id","month","user_id")
);
--> statement-breakpoint
ALTER TABLE "cohort_pulse_months" ADD CONSTRAINT "cohort_pulse_months_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_person_months" ADD CONSTRAINT "pulse_person_months_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- One answer in or out of its cohort's month: the person's count in that month moves by p_sign, and the
-- month's count of people moves only when the person's count leaves or reaches zero. A pair without a
-- cohort is in no cohort's figures.
CREATE FUNCTION corner_add_pulse_month(
  p_cohort uuid, p_user text, p_at timestamptz, p_sign integer,
  p_relationship_score integer, p_progress_score integer, p_recommend boolean
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_cohort uuid := p_cohort;
  v_month date := corner_month(p_at);
  person_change integer := 0;
  remaining integer;
BEGIN
  IF v_cohort IS NULL THEN
    RETURN;
  END IF;
  IF p_sign > 0 THEN
    INSERT INTO pulse_person_months AS pm (cohort_id, month, user_id, answers)
    VALUES (v_cohort, v_month, p_user, 1)
    ON CONFLICT (cohort_id, month, user_id) DO UPDATE SET answers = pm.answers + 1
    RETURNING pm.answers INTO remaining;
    IF remaining = 1 THEN
      person_change := 1;
    END IF;
  ELSE
    UPDATE pulse_person_months pm SET answers = pm.answers - 1
    WHERE pm.cohort_id = v_cohort AND pm.month = v_month AND pm.user_id = p_user
    RETURNING pm.answers INTO remaining;
    IF remaining IS NULL THEN
      RETURN;
    END IF;
    IF remaining <= 0 THEN
      DELETE FROM pulse_person_months pm
      WHERE pm.cohort_id = v_cohort AND pm.month = v_month AND pm.user_id = p_user;
      person_change := -1;
    END IF;
  END IF;
  INSERT INTO cohort_pulse_months AS cm
    (cohort_id, month, people, answers, relationship_total, progress_total, recommends)
  VALUES (v_cohort, v_month, person_change, p_sign, p_sign * p_relationship_score, p_sign * p_progress_score,
    CASE WHEN p_recommend THEN p_sign ELSE 0 END)
  ON CONFLICT (cohort_id, month) DO UPDATE SET
    people = cm.people + excluded.people,
    answers = cm.answers + excluded.answers,
    relationship_total = cm.relationship_total + excluded.relationship_total,
    progress_total = cm.progress_total + excluded.progress_total,
    recommends = cm.recommends + excluded.recommends;
END $$;
--> statement-breakpoint
CREATE FUNCTION corner_pulse_check_ins_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND
    (OLD.relationship_id, OLD.user_id, OLD.answered_at, OLD.relationship_score, OLD.progress_score, OLD.would_recommend)
    IS NOT DISTINCT FROM
    (NEW.relationship_id, NEW.user_id, NEW.answered_at, NEW.relationship_score, NEW.progress_score, NEW.would_recommend)
  THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM corner_add_pulse_month(corner_cohort_of(OLD.relationship_id), OLD.user_id, OLD.answered_at, -1,
      OLD.relationship_score, OLD.progress_score, OLD.would_recommend);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM corner_add_pulse_month(corner_cohort_of(NEW.relationship_id), NEW.user_id, NEW.answered_at, 1,
      NEW.relationship_score, NEW.progress_score, NEW.would_recommend);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER pulse_check_ins_months AFTER INSERT OR UPDATE OR DELETE ON pulse_check_ins
FOR EACH ROW EXECUTE FUNCTION corner_pulse_check_ins_changed();
--> statement-breakpoint
-- A pair deleted (a person's account going takes their pairs along) or moved to another cohort takes
-- its answers with it. Before the delete, because once the pair is gone its answers, deleted by
-- cascade, can no longer say which cohort they counted in (and then count in none).
CREATE FUNCTION corner_relationship_pulses_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  answer record;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.cohort_id IS NOT DISTINCT FROM NEW.cohort_id THEN
    RETURN NEW;
  END IF;
  FOR answer IN SELECT * FROM pulse_check_ins WHERE relationship_id = OLD.id LOOP
    PERFORM corner_add_pulse_month(OLD.cohort_id, answer.user_id, answer.answered_at, -1,
      answer.relationship_score, answer.progress_score, answer.would_recommend);
    IF TG_OP = 'UPDATE' THEN
      PERFORM corner_add_pulse_month(NEW.cohort_id, answer.user_id, answer.answered_at, 1,
        answer.relationship_score, answer.progress_score, answer.would_recommend);
    END IF;
  END LOOP;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER relationships_pulse_months BEFORE DELETE OR UPDATE OF cohort_id ON relationships
FOR EACH ROW EXECUTE FUNCTION corner_relationship_pulses_changed();
--> statement-breakpoint
-- Both tables from the answers themselves: for installations that already hold answers, and for bulk
-- loads that bypass triggers (the benchmarks' seeding). Restores copy both tables with the rest.
CREATE FUNCTION corner_rebuild_pulse_months() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM pulse_person_months;
  DELETE FROM cohort_pulse_months;
  INSERT INTO pulse_person_months (cohort_id, month, user_id, answers)
  SELECT r.cohort_id, corner_month(p.answered_at), p.user_id, count(*)
  FROM pulse_check_ins p JOIN relationships r ON r.id = p.relationship_id
  WHERE r.cohort_id IS NOT NULL
  GROUP BY 1, 2, 3;
  INSERT INTO cohort_pulse_months (cohort_id, month, people, answers, relationship_total, progress_total, recommends)
  SELECT r.cohort_id, corner_month(p.answered_at), count(DISTINCT p.user_id), count(*),
    sum(p.relationship_score), sum(p.progress_score), count(*) FILTER (WHERE p.would_recommend)
  FROM pulse_check_ins p JOIN relationships r ON r.id = p.relationship_id
  WHERE r.cohort_id IS NOT NULL
  GROUP BY 1, 2;
END $$;
--> statement-breakpoint
SELECT corner_rebuild_pulse_months();
