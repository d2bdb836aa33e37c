-- A version's content as one SHA-256 (the domain's planContent: its tasks by id, numbering left
-- out), so "has the plan changed since?" is answered without reading the version's tasks back.
-- Versions kept before it have none and are compared task by task.
ALTER TABLE plan_versions ADD COLUMN snapshot_hash text CHECK (snapshot_hash ~ '^[0-9a-f]{64}$');
