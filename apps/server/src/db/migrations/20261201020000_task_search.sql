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

-- A new task, or a change of what search reads (the words, the order, whose it is, deleted or not).
-- Every other change of a task (its place in the plan, units, person, product) costs nothing here.
CREATE FUNCTION task_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.deleted_at IS NOT NULL THEN
    DELETE FROM task_search WHERE task_id = NEW.id;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    UPDATE task_search SET agreement_id = NEW.agreement_id, status = NEW.status, due_date = NEW.due_date,
      -- search_text is already folded (no diacritics, lower case): 'simple' keeps its words as they are.
      words = CASE WHEN OLD.search_text IS DISTINCT FROM NEW.search_text THEN strip(to_tsvector('simple', NEW.search_text)) ELSE words END
      WHERE task_id = NEW.id;
    IF FOUND THEN RETURN NULL; END IF;
  END IF;
  INSERT INTO task_search (task_id, agreement_id, status, due_date, words)
    VALUES (NEW.id, NEW.agreement_id, NEW.status, NEW.due_date, strip(to_tsvector('simple', NEW.search_text)));
  RETURN NULL;
END
$$;

CREATE TRIGGER tasks_search_insert AFTER INSERT ON tasks
  FOR EACH ROW EXECUTE FUNCTION task_search_sync();
CREATE TRIGGER tasks_search_update AFTER UPDATE ON tasks
  FOR EACH ROW
  WHEN (OLD.search_text IS DISTINCT FROM NEW.search_text OR OLD.status IS DISTINCT FROM NEW.status
     OR OLD.due_date IS DISTINCT FROM NEW.due_date OR OLD.agreement_id IS DISTINCT FROM NEW.agreement_id
     OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION task_search_sync();

INSERT INTO task_search (task_id, agreement_id, status, due_date, words)
  SELECT id, agreement_id, status, due_date, strip(to_tsvector('simple', search_text)) FROM tasks WHERE deleted_at IS NULL;

-- The words stored on every task were read by search alone.
DROP INDEX tasks_search_idx;
ALTER TABLE tasks DROP COLUMN search_words;
