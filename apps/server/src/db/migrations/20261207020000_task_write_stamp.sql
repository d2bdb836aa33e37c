-- The plan's stamp from an index instead of the tasks' heap pages. The stamp summed the hashed
-- `xmin` of every task of the agreement: right for every path that writes a task (a new row
-- version has a new `xmin`), but `xmin` is in no index, so each request visited the heap pages
-- of all the agreement's tasks (789 pages and 2.3 ms of PostgreSQL's CPU for 1,270 tasks, 11 ms
-- for 9,000: most of what the plan's and its approval's answers cost; docs/PERFORMANCE.md).
--
-- Now every write of a task row, by any path, draws a new number from one sequence (a row
-- trigger, as `xmin` was set by any write), and an index holds it beside the agreement: the same
-- stamp is an index-only scan. Numbers from a sequence only grow, so a rewritten row's number
-- always changes; summed as hashes, as the `xmin` were, a change that commits after a later one
-- still changes the sum (a max() would not).
CREATE SEQUENCE task_write_stamps AS bigint;

-- Volatile default: the table is rewritten once, each row with its own number.
ALTER TABLE tasks ADD COLUMN write_stamp bigint NOT NULL DEFAULT nextval('task_write_stamps');

CREATE FUNCTION accord_stamp_task_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.write_stamp := nextval('task_write_stamps');
  RETURN NEW;
END $$;
CREATE TRIGGER tasks_write_stamp BEFORE INSERT OR UPDATE ON tasks
  FOR EACH ROW EXECUTE FUNCTION accord_stamp_task_write();

-- What the stamp reads of each live task: its number and who waived its "5 rõ" (their names are in the plan).
CREATE INDEX tasks_plan_stamp_idx ON tasks (agreement_id) INCLUDE (write_stamp, clarity_waived_by) WHERE deleted_at IS NULL;
