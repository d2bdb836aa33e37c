-- Word search over tasks reads a narrow table of its own instead of the tasks themselves.
--
-- Published agreements are readable by every signed-in user, so a search now runs over tens of
-- thousands of tasks for anyone. On the tasks table every row checked costs a page of its own
-- (a task is about 1.3 kB, more than half of it the stored words), so a search visited nine
-- thousand pages. Here a row is what search needs and nothing more: whose agreement it is, what
-- orders the results (status, due date) and the words without positions (search never ranks).
-- A trigger keeps it in step with every write of tasks, whatever writes them, in the same
-- transaction; a deleted task leaves it.

CREATE TABLE task_search (
  task_id       uuid PRIMARY KEY REFERENCES tasks(id) ON DELETE CASCADE,
  agreement_id  uuid NOT NULL,
  status        text NOT NULL,
  due_date      date,
  words         tsvector NOT NULL
);
CREATE INDEX task_search_agreement_idx ON task_search (agreement_id);
CREATE INDEX task_search_words_idx ON task_search USING gin (words);

CREATE FUNCTION task_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.deleted_at IS NOT NULL THEN
    DELETE FROM task_search WHERE task_id = NEW.id;
  ELSE
    -- search_text is already folded (no diacritics, lower case): 'simple' keeps its words as they are.
    INSERT INTO task_search (task_id, agreement_id, status, due_date, words)
    VALUES (NEW.id, NEW.agreement_id, NEW.status, NEW.due_date, strip(to_tsvector('simple', NEW.search_text)))
    ON CONFLICT (task_id) DO UPDATE
      SET agreement_id = EXCLUDED.agreement_id, status = EXCLUDED.status, due_date = EXCLUDED.due_date, words = EXCLUDED.words;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER tasks_search_sync
  AFTER INSERT OR UPDATE OF agreement_id, status, due_date, search_text, deleted_at ON tasks
  FOR EACH ROW EXECUTE FUNCTION task_search_sync();

INSERT INTO task_search (task_id, agreement_id, status, due_date, words)
  SELECT id, agreement_id, status, due_date, strip(to_tsvector('simple', search_text)) FROM tasks WHERE deleted_at IS NULL;

-- The words stored on every task were read by search alone.
DROP INDEX tasks_search_idx;
ALTER TABLE tasks DROP COLUMN search_words;
