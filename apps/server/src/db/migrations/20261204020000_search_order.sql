-- Search shows open work first, the nearest due date first. For words most tasks have ("chuyen
-- doi so"), the first page is found by walking this order and stopping at the tenth match, rather
-- than finding every match by the full-text index and sorting them all (docs/PERFORMANCE.md).
CREATE INDEX task_search_order_idx ON task_search (closed, due_date, task_id);
