-- The day from which a task is stale ("chậm báo cáo"), kept on the task so that a unit's stale
-- tasks are an index range instead of each task under way joined to its agreement's cadence and
-- tested against today (the stale list: 2.6 ms of execution for 386 tasks, its count as much again).
--
-- A task under way (open, started, its product not delivered) is stale once the reporting cycle
-- after the one of its last shared report — or of its start, if it has none since — has begun:
-- stale today ⇔ stale_from <= today. The domain's `staleFrom` says the same in TypeScript and
-- `isStale` is `staleFrom <= today` (apps/server/test/derived-status.test.ts holds the three
-- together). NULL: not under way, never stale.
--
-- Kept by triggers, so that no write can leave it behind: each task as its facts are written, and
-- every task of an agreement whose cadence changes.

-- The first day of the reporting cycle after the one `d` falls in (the domain's
-- nextReportCycleStart): weeks from Monday, fortnights counted from Monday 5 January 1970,
-- calendar months and quarters. Dates only: no time zone is involved.
CREATE FUNCTION accord_next_report_cycle(cadence text, d date) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE cadence
    WHEN 'weekly' THEN date_trunc('week', d::timestamp)::date + 7
    WHEN 'fortnightly' THEN d - (((d - DATE '1970-01-05') % 14 + 14) % 14) + 14
    WHEN 'monthly' THEN (date_trunc('month', d::timestamp) + interval '1 month')::date
    ELSE (date_trunc('quarter', d::timestamp) + interval '3 months')::date END
$$;

-- The day a task with these facts becomes stale, or NULL when it is not under way. The last report
-- is a moment; its day is the day in Việt Nam.
CREATE FUNCTION accord_stale_from(cadence text, state text, delivered_on date, started_on date, last_reported_at timestamptz)
RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN state = 'open' AND delivered_on IS NULL AND started_on IS NOT NULL
    THEN accord_next_report_cycle(cadence,
      GREATEST(started_on, (last_reported_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)) END
$$;

ALTER TABLE tasks ADD COLUMN stale_from date;

CREATE FUNCTION accord_task_stale_from() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.stale_from := CASE WHEN NEW.state = 'open' AND NEW.delivered_on IS NULL AND NEW.started_on IS NOT NULL
    THEN accord_stale_from((SELECT a.report_cadence FROM agreements a WHERE a.id = NEW.agreement_id),
      NEW.state, NEW.delivered_on, NEW.started_on, NEW.last_reported_at) END;
  RETURN NEW;
END $$;

CREATE TRIGGER tasks_stale_from BEFORE INSERT OR UPDATE OF state, delivered_on, started_on, last_reported_at, agreement_id, stale_from
  ON tasks FOR EACH ROW EXECUTE FUNCTION accord_task_stale_from();

CREATE FUNCTION accord_agreement_cadence_stale_from() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tasks t SET stale_from = NULL
  WHERE t.agreement_id = NEW.id AND t.state = 'open' AND t.delivered_on IS NULL AND t.started_on IS NOT NULL;
  RETURN NULL;
END $$;

-- Setting stale_from (to anything) runs the task's trigger above, which works it out again from
-- the agreement's new cadence.
CREATE TRIGGER agreements_cadence_stale_from AFTER UPDATE OF report_cadence ON agreements
  FOR EACH ROW WHEN (OLD.report_cadence IS DISTINCT FROM NEW.report_cadence)
  EXECUTE FUNCTION accord_agreement_cadence_stale_from();

UPDATE tasks SET stale_from = NULL WHERE state = 'open' AND delivered_on IS NULL AND started_on IS NOT NULL;

-- A unit's stale tasks across agreements, read from the index alone: by lead unit and the day they
-- became stale, with what the list filters and sorts on.
CREATE INDEX tasks_stale_idx ON tasks (lead_org_id, stale_from) INCLUDE (agreement_id, due_date, id)
  WHERE deleted_at IS NULL AND stale_from IS NOT NULL;

-- The per-unit counts of an agreement read whether each task under way is stale from the index.
DROP INDEX tasks_underway_idx;
CREATE INDEX tasks_underway_idx ON tasks (agreement_id, lead_org_id) INCLUDE (stale_from)
  WHERE deleted_at IS NULL AND state = 'open' AND delivered_on IS NULL AND started_on IS NOT NULL;
