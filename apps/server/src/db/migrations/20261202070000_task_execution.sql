-- Carrying out the plan: a task's status is no longer typed in, it is worked out from facts
-- (see packages/domain/src/execution.ts and docs/EXECUTION.md). What people set is kept here:
-- whether the task goes on, is paused or cancelled (with why), its progress, its weight in its
-- parent's progress, and the days it started, was delivered and was accepted. The agreement
-- holds the rules: how near the due date a task is at risk, how far behind the expected progress,
-- and how often lead units report.

ALTER TABLE agreements
  ADD COLUMN at_risk_days    integer NOT NULL DEFAULT 7 CHECK (at_risk_days BETWEEN 0 AND 365),
  ADD COLUMN progress_margin integer NOT NULL DEFAULT 20 CHECK (progress_margin BETWEEN 0 AND 100),
  ADD COLUMN report_cadence  text NOT NULL DEFAULT 'monthly' CHECK (report_cadence IN ('weekly','fortnightly','monthly','quarterly'));

ALTER TABLE tasks
  ADD COLUMN state        text NOT NULL DEFAULT 'open' CHECK (state IN ('open','paused','cancelled')),
  ADD COLUMN state_reason text CHECK (length(state_reason) <= 2000),
  -- For a task with sub-tasks, the roll-up of theirs (written with every change below it).
  ADD COLUMN progress     numeric(4,1) NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  ADD COLUMN weight       numeric(6,2) NOT NULL DEFAULT 1 CHECK (weight BETWEEN 0 AND 1000),
  ADD COLUMN started_on   date,
  ADD COLUMN delivered_on date,
  ADD COLUMN accepted_on  date,
  ADD CONSTRAINT tasks_accepted_after_delivery CHECK (accepted_on IS NULL OR (delivered_on IS NOT NULL AND accepted_on >= delivered_on));

-- The typed statuses become facts. A task marked completed is taken as delivered and accepted on
-- the day it was last changed, or on its due date when that came first (when it really was
-- delivered is not known, so it is not counted late); one in progress as started the day it was made.
UPDATE tasks SET
  state = CASE status WHEN 'paused' THEN 'paused' WHEN 'cancelled' THEN 'cancelled' ELSE 'open' END,
  progress = CASE status WHEN 'completed' THEN 100 ELSE 0 END,
  started_on = CASE WHEN status IN ('in_progress','completed','paused') THEN (created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date END,
  delivered_on = CASE WHEN status = 'completed'
    THEN LEAST(COALESCE(due_date, (updated_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date), (updated_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) END,
  accepted_on = CASE WHEN status = 'completed' THEN (updated_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date END;
UPDATE tasks SET started_on = LEAST(started_on, delivered_on) WHERE started_on > delivered_on;

-- Search puts the tasks that owe nothing last: it keeps whether a task is closed, not its status.
ALTER TABLE task_search ADD COLUMN closed boolean NOT NULL DEFAULT false;
UPDATE task_search s SET closed = (t.state = 'cancelled' OR t.accepted_on IS NOT NULL) FROM tasks t WHERE t.id = s.task_id;
ALTER TABLE task_search DROP COLUMN status;

CREATE OR REPLACE FUNCTION task_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.deleted_at IS NOT NULL THEN
    DELETE FROM task_search WHERE task_id = NEW.id;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    UPDATE task_search SET agreement_id = NEW.agreement_id, closed = (NEW.state = 'cancelled' OR NEW.accepted_on IS NOT NULL),
      due_date = NEW.due_date,
      -- search_text is already folded (no diacritics, lower case): 'simple' keeps its words as they are.
      words = CASE WHEN OLD.search_text IS DISTINCT FROM NEW.search_text THEN strip(to_tsvector('simple', NEW.search_text)) ELSE words END
      WHERE task_id = NEW.id;
    IF FOUND THEN RETURN NULL; END IF;
  END IF;
  INSERT INTO task_search (task_id, agreement_id, closed, due_date, words)
    VALUES (NEW.id, NEW.agreement_id, (NEW.state = 'cancelled' OR NEW.accepted_on IS NOT NULL), NEW.due_date,
      strip(to_tsvector('simple', NEW.search_text)));
  RETURN NULL;
END
$$;

DROP TRIGGER tasks_search_update ON tasks;
CREATE TRIGGER tasks_search_update AFTER UPDATE ON tasks
  FOR EACH ROW
  WHEN (OLD.search_text IS DISTINCT FROM NEW.search_text OR OLD.state IS DISTINCT FROM NEW.state
     OR OLD.accepted_on IS DISTINCT FROM NEW.accepted_on
     OR OLD.due_date IS DISTINCT FROM NEW.due_date OR OLD.agreement_id IS DISTINCT FROM NEW.agreement_id
     OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION task_search_sync();

-- The list indexes carry every fact the status is worked out from, so a list filtered by status
-- still reads them from the index alone.
DROP INDEX tasks_agreement_due_idx;
DROP INDEX tasks_lead_due_idx;
ALTER TABLE tasks DROP COLUMN status;
CREATE INDEX tasks_agreement_due_idx ON tasks (agreement_id, due_date, id)
  INCLUDE (state, progress, start_date, started_on, delivered_on, accepted_on, lead_org_id, area_id)
  WHERE deleted_at IS NULL;
CREATE INDEX tasks_lead_due_idx ON tasks (lead_org_id, due_date, id)
  INCLUDE (state, progress, start_date, started_on, delivered_on, accepted_on, agreement_id)
  WHERE deleted_at IS NULL;
