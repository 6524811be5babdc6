CREATE TABLE "guide_reply_stats" (
	"guide_id" text PRIMARY KEY NOT NULL,
	"asked" integer NOT NULL,
	"answered" integer NOT NULL,
	"median_reply_seconds" double precision
);
--> statement-breakpoint
ALTER TABLE "guide_profiles" ADD COLUMN "week_mask" bit(336);--> statement-breakpoint
ALTER TABLE "guide_profiles" ADD COLUMN "expertise_norm" text[];--> statement-breakpoint
-- A set of UTC week slots (0..335) as a bit mask, bit i = slot i, so overlap is bit_count(a & b).
CREATE FUNCTION corner_week_mask(slots integer[]) RETURNS bit(336) LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg(CASE WHEN s = ANY(slots) THEN '1' ELSE '0' END, '' ORDER BY s)::bit(336)
  FROM generate_series(0, 335) AS s
$$;
--> statement-breakpoint
-- The fit inputs the directory scores every matching guide with, kept beside what they come from.
CREATE FUNCTION guide_profiles_fit_inputs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.week_mask := corner_week_mask(NEW.week_slots);
  NEW.expertise_norm := ARRAY(SELECT lower(btrim(e, E' \t\n\r\f\v')) FROM unnest(NEW.expertise) AS e);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER guide_profiles_fit_inputs BEFORE INSERT OR UPDATE OF week_slots, expertise ON guide_profiles
  FOR EACH ROW EXECUTE FUNCTION guide_profiles_fit_inputs();
--> statement-breakpoint
UPDATE guide_profiles SET week_slots = week_slots;
--> statement-breakpoint
-- One guide's intro-request rollup: requests not withdrawn before an answer, answers, median reply.
CREATE FUNCTION refresh_guide_reply_stats(guide text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO guide_reply_stats (guide_id, asked, answered, median_reply_seconds)
  SELECT guide,
    count(*) FILTER (WHERE status <> 'cancelled' OR responded_at IS NOT NULL)::int,
    count(responded_at)::int,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM responded_at - created_at)::float8)
  FROM intro_requests WHERE guide_id = guide
  HAVING count(*) > 0
  ON CONFLICT (guide_id) DO UPDATE SET asked = excluded.asked, answered = excluded.answered,
    median_reply_seconds = excluded.median_reply_seconds;
  IF NOT FOUND THEN
    DELETE FROM guide_reply_stats WHERE guide_id = guide;
  END IF;
END
$$;
--> statement-breakpoint
CREATE FUNCTION intro_requests_reply_stats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM refresh_guide_reply_stats(NEW.guide_id);
  END IF;
  IF TG_OP = 'DELETE' OR OLD.guide_id IS DISTINCT FROM NEW.guide_id THEN
    PERFORM refresh_guide_reply_stats(OLD.guide_id);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER intro_requests_reply_stats AFTER INSERT OR DELETE OR UPDATE OF status, responded_at, created_at, guide_id
  ON intro_requests FOR EACH ROW EXECUTE FUNCTION intro_requests_reply_stats();
--> statement-breakpoint
SELECT refresh_guide_reply_stats(guide_id) FROM (SELECT DISTINCT guide_id FROM intro_requests) AS guides;
