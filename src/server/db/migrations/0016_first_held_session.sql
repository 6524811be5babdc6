ALTER TABLE "relationship_health" ADD COLUMN "first_held_at" timestamp with time zone;--> statement-breakpoint
-- Each pair's first held session, kept beside its other rollups: the sessions trigger recomputes it
-- (one probe of sessions_held_idx) whenever a held session of the pair appears, moves or goes.
CREATE FUNCTION corner_touch_first_held(p_relationship uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE relationship_health h
  SET first_held_at = (SELECT min(s.starts_at) FROM sessions s
    WHERE s.relationship_id = p_relationship AND s.status = 'held')
  WHERE h.relationship_id = p_relationship
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION corner_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_WHEN = 'BEFORE' THEN
    -- Deleted: its pulses are deleted after it, when their relationship can no longer be found.
    PERFORM corner_add_session_pulses(OLD.id, OLD.relationship_id, -1);
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD.status, OLD.starts_at, OLD.relationship_id, OLD.agenda_topic)
    IS NOT DISTINCT FROM (NEW.status, NEW.starts_at, NEW.relationship_id, NEW.agenda_topic)
  THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF OLD.status = 'held' THEN
      PERFORM corner_add_activity(corner_cohort_of(OLD.relationship_id), corner_month(OLD.starts_at), -1, 0, 0, 0, 0);
      PERFORM corner_touch_first_held(OLD.relationship_id);
    END IF;
    PERFORM corner_touch_health(OLD.relationship_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF NEW.status = 'held' THEN
      PERFORM corner_add_activity(corner_cohort_of(NEW.relationship_id), corner_month(NEW.starts_at), 1, 0, 0, 0, 0);
      PERFORM corner_touch_first_held(NEW.relationship_id);
    END IF;
    IF TG_OP = 'INSERT' OR OLD.relationship_id <> NEW.relationship_id THEN
      PERFORM corner_touch_health(NEW.relationship_id);
    END IF;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.relationship_id <> NEW.relationship_id THEN
    PERFORM corner_add_session_pulses(NEW.id, OLD.relationship_id, -1);
    PERFORM corner_add_session_pulses(NEW.id, NEW.relationship_id, 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION corner_rebuild_dashboard_rollups() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  created integer;
BEGIN
  INSERT INTO relationship_health (relationship_id) SELECT id FROM relationships ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS created = ROW_COUNT;
  UPDATE relationship_health h
  SET cohort_id = r.cohort_id, member_name = m.name, guide_name = g.name, generation = h.generation + 1,
    first_held_at = f.at
  FROM relationships r
  LEFT JOIN "user" m ON m.id = r.member_id
  LEFT JOIN "user" g ON g.id = r.guide_id
  LEFT JOIN (SELECT s.relationship_id, min(s.starts_at) AS at FROM sessions s WHERE s.status = 'held'
    GROUP BY s.relationship_id) f ON f.relationship_id = r.id
  WHERE h.relationship_id = r.id;
  DELETE FROM cohort_activity;
  INSERT INTO cohort_activity (cohort_id, month, held_sessions, actions, actions_done, pulses, pulse_total)
  SELECT r.cohort_id, x.month, sum(x.held), sum(x.created), sum(x.done), sum(x.pulses), sum(x.total)
  FROM (
    SELECT s.relationship_id, corner_month(s.starts_at) AS month, 1 AS held, 0 AS created, 0 AS done,
      0 AS pulses, 0 AS total
      FROM sessions s WHERE s.status = 'held'
    UNION ALL
    SELECT a.relationship_id, corner_month(a.created_at), 0, 1, 0, 0, 0 FROM actions a
    UNION ALL
    SELECT a.relationship_id, corner_month(a.updated_at), 0, 0, 1, 0, 0 FROM actions a WHERE a.status = 'done'
    UNION ALL
    SELECT s.relationship_id, corner_month(p.created_at), 0, 0, 0, 1, p.score
      FROM session_pulses p JOIN sessions s ON s.id = p.session_id
  ) AS x
  JOIN relationships r ON r.id = x.relationship_id
  WHERE r.cohort_id IS NOT NULL
  GROUP BY r.cohort_id, x.month;
  RETURN created;
END $$;
--> statement-breakpoint
SELECT corner_rebuild_dashboard_rollups();
