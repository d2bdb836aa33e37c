-- The reporting cadence (agreements.report_cadence): a task under way whose last progress report
-- shared with both sides is older than the current cycle is stale ("chậm báo cáo"). The moment of
-- that last report is kept on the task, written with each report (and worked out again when one is
-- deleted), so lists filter and count stale tasks without reading the threads. Internal reports are
-- left out: the other party must not learn of them from a flag.
ALTER TABLE tasks ADD COLUMN last_reported_at timestamptz;

UPDATE tasks t SET last_reported_at = r.at
FROM (SELECT task_id, max(created_at) AS at FROM task_entries
      WHERE kind IN ('report','delivered') AND audience_side IS NULL AND deleted_at IS NULL GROUP BY task_id) r
WHERE r.task_id = t.id;

-- The tasks that can be stale (open, started, not delivered), by lead unit: the per-unit counts.
CREATE INDEX tasks_underway_idx ON tasks (agreement_id, lead_org_id)
  WHERE deleted_at IS NULL AND state = 'open' AND delivered_on IS NULL AND started_on IS NOT NULL;
