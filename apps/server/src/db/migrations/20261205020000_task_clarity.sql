-- Each task's "5 rõ" check, kept with the task so that a plan's tally is a sum: the criteria it
-- meets without who decides, and with it (the domain's storedClarity, written with every write
-- of the facts it comes from). NULL: not worked out yet; the server fills these in after
-- migrating (backfills.ts), and the plan's outline checks any it still finds itself.
ALTER TABLE tasks ADD COLUMN clarity_met smallint, ADD COLUMN clarity_met_authority smallint;
CREATE INDEX tasks_clarity_unknown_idx ON tasks (agreement_id) WHERE clarity_met IS NULL AND deleted_at IS NULL;
