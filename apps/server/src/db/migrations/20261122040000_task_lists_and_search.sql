-- Task lists and search at national scale (see docs/PERFORMANCE.md for the measurements).

-- One agreement's tasks in due-date order, with what the list filters on, readable from the index alone.
CREATE INDEX tasks_agreement_due_idx ON tasks (agreement_id, due_date, id) INCLUDE (status, lead_org_id, area_id)
  WHERE deleted_at IS NULL;
-- A unit's tasks across agreements, the same way.
CREATE INDEX tasks_lead_due_idx ON tasks (lead_org_id, due_date, id) INCLUDE (status, agreement_id)
  WHERE deleted_at IS NULL;
DROP INDEX tasks_agreement_idx;
DROP INDEX tasks_lead_idx;

-- Word search over tasks: search_text is already folded (no diacritics, lower case), so the
-- 'simple' configuration keeps its words as they are. Stored, so that a row is checked without
-- parsing its text again; indexed for the words' prefixes.
ALTER TABLE tasks ADD COLUMN search_words tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;
CREATE INDEX tasks_search_idx ON tasks USING gin (search_words) WHERE deleted_at IS NULL;

-- Coordinating units in position order, read from the index alone.
CREATE INDEX task_coordinators_task_idx ON task_coordinators (task_id, position) INCLUDE (organisation_id);
