-- A plan page asks for its areas' tasks a page of top-level tasks at a time (each with its
-- sub-tasks): the top-level tasks of an area, in the order shown, are read from this index, and
-- their sub-tasks level by level from tasks_parent_idx (docs/PERFORMANCE.md, "The plan by area").
CREATE INDEX tasks_area_top_idx ON tasks (area_id, position, id) WHERE parent_id IS NULL AND deleted_at IS NULL;
