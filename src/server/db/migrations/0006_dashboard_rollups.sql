-- Custom SQL migration (drizzle-kit generate --custom): the triggers that keep relationship_health and
-- cohort_activity (0004) right whatever writes the rows — operations, imports, cascades — and the
-- backfill of both. Months are calendar months in UTC, as the dashboard shows them.
CREATE FUNCTION corner_month(p_at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE
AS $$ SELECT date_trunc('month', p_at AT TIME ZONE 'UTC')::date $$;
--> statement-breakpoint
-- A write that can change a relationship's momentum makes its stored state stale.
CREATE FUNCTION corner_touch_health(p_relationship uuid) RETURNS void LANGUAGE sql
AS $$ UPDATE relationship_health SET generation = generation + 1 WHERE relationship_id = p_relationship $$;
--> statement-breakpoint
-- Null once the relationship is gone: its own delete trigger counted everything out already.
CREATE FUNCTION corner_cohort_of(p_relationship uuid) RETURNS uuid LANGUAGE sql VOLATILE
AS $$ SELECT cohort_id FROM relationships WHERE id = p_relationship $$;
--> statement-breakpoint
CREATE FUNCTION corner_add_activity(
  p_cohort uuid, p_month date, p_held integer, p_actions integer, p_done integer, p_pulses integer, p_pulse_total integer
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- No cohort, or one being deleted (its rows go with it).
  IF p_cohort IS NULL OR NOT EXISTS (SELECT 1 FROM cohorts WHERE id = p_cohort) THEN
    RETURN;
  END IF;
  INSERT INTO cohort_activity AS a (cohort_id, month, held_sessions, actions, actions_done, pulses, pulse_total)
  VALUES (p_cohort, p_month, p_held, p_actions, p_done, p_pulses, p_pulse_total)
  ON CONFLICT (cohort_id, month) DO UPDATE SET
    held_sessions = a.held_sessions + excluded.held_sessions,
    actions = a.actions + excluded.actions,
    actions_done = a.actions_done + excluded.actions_done,
    pulses = a.pulses + excluded.pulses,
    pulse_total = a.pulse_total + excluded.pulse_total;
END $$;
--> statement-breakpoint
-- Everything one relationship contributes, per month: what a relationship joining, leaving or being
-- deleted from a cohort adds (p_sign 1) or takes away (-1).
CREATE FUNCTION corner_add_relationship_activity(p_relationship uuid, p_cohort uuid, p_sign integer)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  m record;
BEGIN
  IF p_cohort IS NULL THEN
    RETURN;
  END IF;
  FOR m IN
    SELECT x.month, sum(x.held)::int AS held, sum(x.created)::int AS created, sum(x.done)::int AS done,
      sum(x.pulses)::int AS pulses, sum(x.total)::int AS total
    FROM (
      SELECT corner_month(s.starts_at) AS month, 1 AS held, 0 AS created, 0 AS done, 0 AS pulses, 0 AS total
        FROM sessions s WHERE s.relationship_id = p_relationship AND s.status = 'held'
      UNION ALL
      SELECT corner_month(a.created_at), 0, 1, 0, 0, 0 FROM actions a WHERE a.relationship_id = p_relationship
      UNION ALL
      SELECT corner_month(a.updated_at), 0, 0, 1, 0, 0 FROM actions a
        WHERE a.relationship_id = p_relationship AND a.status = 'done'
      UNION ALL
      SELECT corner_month(p.created_at), 0, 0, 0, 1, p.score
        FROM session_pulses p JOIN sessions s ON s.id = p.session_id WHERE s.relationship_id = p_relationship
    ) AS x
    GROUP BY x.month
  LOOP
    PERFORM corner_add_activity(p_cohort, m.month, p_sign * m.held, p_sign * m.created, p_sign * m.done,
      p_sign * m.pulses, p_sign * m.total);
  END LOOP;
END $$;
--> statement-breakpoint
-- One session's pulses, for a session deleted (its pulses follow once it is gone) or moved.
CREATE FUNCTION corner_add_session_pulses(p_session uuid, p_relationship uuid, p_sign integer)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  m record;
  cohort uuid := corner_cohort_of(p_relationship);
BEGIN
  IF cohort IS NULL THEN
    RETURN;
  END IF;
  FOR m IN
    SELECT corner_month(p.created_at) AS month, count(*)::int AS n, sum(p.score)::int AS total
    FROM session_pulses p WHERE p.session_id = p_session GROUP BY 1
  LOOP
    PERFORM corner_add_activity(cohort, m.month, 0, 0, 0, p_sign * m.n, p_sign * m.total);
  END LOOP;
END $$;
--> statement-breakpoint
-- The dashboard's line for a pair shows its cohort and both people's names.
CREATE FUNCTION corner_health_line(p_relationship uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE relationship_health h
  SET cohort_id = r.cohort_id,
    member_name = (SELECT u.name FROM "user" u WHERE u.id = r.member_id),
    guide_name = (SELECT u.name FROM "user" u WHERE u.id = r.guide_id)
  FROM relationships r
  WHERE r.id = p_relationship AND h.relationship_id = r.id
$$;
--> statement-breakpoint
CREATE FUNCTION corner_relationships_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- Nothing of a new relationship can be counted yet: its sessions and actions come after it.
    INSERT INTO relationship_health (relationship_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
    PERFORM corner_health_line(NEW.id);
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    -- Before the row goes, while its sessions, actions and pulses are still there to count out.
    PERFORM corner_add_relationship_activity(OLD.id, OLD.cohort_id, -1);
    RETURN OLD;
  END IF;
  IF OLD.cohort_id IS DISTINCT FROM NEW.cohort_id THEN
    PERFORM corner_add_relationship_activity(NEW.id, OLD.cohort_id, -1);
    PERFORM corner_add_relationship_activity(NEW.id, NEW.cohort_id, 1);
  END IF;
  IF (OLD.cohort_id, OLD.member_id, OLD.guide_id) IS DISTINCT FROM (NEW.cohort_id, NEW.member_id, NEW.guide_id) THEN
    PERFORM corner_health_line(NEW.id);
  END IF;
  IF (OLD.status, OLD.kind, OLD.framing, OLD.accepted_at, OLD.created_at, OLD.member_id, OLD.guide_id)
    IS DISTINCT FROM (NEW.status, NEW.kind, NEW.framing, NEW.accepted_at, NEW.created_at, NEW.member_id, NEW.guide_id)
  THEN
    PERFORM corner_touch_health(NEW.id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER relationships_dashboard_insert AFTER INSERT ON relationships
  FOR EACH ROW EXECUTE FUNCTION corner_relationships_changed();
--> statement-breakpoint
CREATE TRIGGER relationships_dashboard_update AFTER UPDATE ON relationships
  FOR EACH ROW EXECUTE FUNCTION corner_relationships_changed();
--> statement-breakpoint
CREATE TRIGGER relationships_dashboard_delete BEFORE DELETE ON relationships
  FOR EACH ROW EXECUTE FUNCTION corner_relationships_changed();
--> statement-breakpoint
CREATE FUNCTION corner_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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
    END IF;
    PERFORM corner_touch_health(OLD.relationship_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF NEW.status = 'held' THEN
      PERFORM corner_add_activity(corner_cohort_of(NEW.relationship_id), corner_month(NEW.starts_at), 1, 0, 0, 0, 0);
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
CREATE TRIGGER sessions_dashboard AFTER INSERT OR UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION corner_sessions_changed();
--> statement-breakpoint
CREATE TRIGGER sessions_dashboard_delete BEFORE DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION corner_sessions_changed();
--> statement-breakpoint
CREATE FUNCTION corner_actions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  counted boolean := TG_OP <> 'UPDATE'
    OR (OLD.relationship_id, OLD.created_at) IS DISTINCT FROM (NEW.relationship_id, NEW.created_at);
  done_counted boolean := TG_OP <> 'UPDATE'
    OR ((OLD.status = 'done' OR NEW.status = 'done')
      AND (OLD.relationship_id, OLD.status, OLD.updated_at) IS DISTINCT FROM (NEW.relationship_id, NEW.status, NEW.updated_at));
BEGIN
  IF TG_OP = 'UPDATE' AND NOT counted AND NOT done_counted
    AND (OLD.status, OLD.due_date, OLD.owner_id, OLD.session_id)
      IS NOT DISTINCT FROM (NEW.status, NEW.due_date, NEW.owner_id, NEW.session_id)
  THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF counted THEN
      PERFORM corner_add_activity(corner_cohort_of(OLD.relationship_id), corner_month(OLD.created_at), 0, -1, 0, 0, 0);
    END IF;
    IF done_counted AND OLD.status = 'done' THEN
      PERFORM corner_add_activity(corner_cohort_of(OLD.relationship_id), corner_month(OLD.updated_at), 0, 0, -1, 0, 0);
    END IF;
    PERFORM corner_touch_health(OLD.relationship_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF counted THEN
      PERFORM corner_add_activity(corner_cohort_of(NEW.relationship_id), corner_month(NEW.created_at), 0, 1, 0, 0, 0);
    END IF;
    IF done_counted AND NEW.status = 'done' THEN
      PERFORM corner_add_activity(corner_cohort_of(NEW.relationship_id), corner_month(NEW.updated_at), 0, 0, 1, 0, 0);
    END IF;
    IF TG_OP = 'INSERT' OR OLD.relationship_id <> NEW.relationship_id THEN
      PERFORM corner_touch_health(NEW.relationship_id);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER actions_dashboard AFTER INSERT OR UPDATE OR DELETE ON actions
  FOR EACH ROW EXECUTE FUNCTION corner_actions_changed();
--> statement-breakpoint
CREATE FUNCTION corner_pulses_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rel uuid;
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.session_id, OLD.score, OLD.created_at)
    IS NOT DISTINCT FROM (NEW.session_id, NEW.score, NEW.created_at)
  THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    -- Not found when the session went first; it counted its pulses out itself.
    SELECT s.relationship_id INTO rel FROM sessions s WHERE s.id = OLD.session_id;
    IF rel IS NOT NULL THEN
      PERFORM corner_add_activity(corner_cohort_of(rel), corner_month(OLD.created_at), 0, 0, 0, -1, -OLD.score);
      PERFORM corner_touch_health(rel);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT s.relationship_id INTO rel FROM sessions s WHERE s.id = NEW.session_id;
    PERFORM corner_add_activity(corner_cohort_of(rel), corner_month(NEW.created_at), 0, 0, 0, 1, NEW.score);
    PERFORM corner_touch_health(rel);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER session_pulses_dashboard AFTER INSERT OR UPDATE OR DELETE ON session_pulses
  FOR EACH ROW EXECUTE FUNCTION corner_pulses_changed();
--> statement-breakpoint
-- Accepted terms set the cadence.
CREATE FUNCTION corner_agreements_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM corner_touch_health(OLD.relationship_id);
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND OLD.relationship_id <> NEW.relationship_id) THEN
    PERFORM corner_touch_health(NEW.relationship_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER agreements_dashboard AFTER INSERT OR UPDATE OR DELETE ON agreements
  FOR EACH ROW EXECUTE FUNCTION corner_agreements_changed();
--> statement-breakpoint
-- A name shows on the dashboard; an action is due by the end of its day where its owner lives.
CREATE FUNCTION corner_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.name IS DISTINCT FROM NEW.name THEN
    UPDATE relationship_health h SET member_name = NEW.name
      FROM relationships r WHERE r.id = h.relationship_id AND r.member_id = NEW.id;
    UPDATE relationship_health h SET guide_name = NEW.name
      FROM relationships r WHERE r.id = h.relationship_id AND r.guide_id = NEW.id;
  END IF;
  IF OLD.time_zone IS DISTINCT FROM NEW.time_zone THEN
    UPDATE relationship_health h SET generation = h.generation + 1
      FROM relationships r
      WHERE r.id = h.relationship_id AND (r.member_id = NEW.id OR r.guide_id = NEW.id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER user_dashboard AFTER UPDATE OF name, time_zone ON "user"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.time_zone IS DISTINCT FROM NEW.time_zone)
  EXECUTE FUNCTION corner_user_changed();
--> statement-breakpoint
-- Both tables from scratch: run here once, and by anything that loads rows with triggers switched off
-- (a bulk load with session_replication_role = replica). Returns the number of health rows it added.
CREATE FUNCTION corner_rebuild_dashboard_rollups() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  created integer;
BEGIN
  INSERT INTO relationship_health (relationship_id) SELECT id FROM relationships ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS created = ROW_COUNT;
  UPDATE relationship_health h
  SET cohort_id = r.cohort_id, member_name = m.name, guide_name = g.name, generation = h.generation + 1
  FROM relationships r
  LEFT JOIN "user" m ON m.id = r.member_id
  LEFT JOIN "user" g ON g.id = r.guide_id
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
