-- Evidence files: what each file is (its name as uploaded, its type worked out from its bytes, its
-- size and SHA-256); the bytes themselves are in the file store (a folder, or an S3 bucket) under
-- `storage_key`, a generated name. A file is uploaded first (entry_id null: seen by its uploader
-- alone) and then posted with an entry of the task's thread, whose audience it takes. A file stays
-- when its entry is withdrawn: the entry's history still names it.
CREATE TABLE task_files (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id uuid NOT NULL REFERENCES agreements(id),
  task_id      uuid NOT NULL REFERENCES tasks(id),
  entry_id     uuid REFERENCES task_entries(id),
  uploaded_by  uuid NOT NULL REFERENCES users(id),
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  media_type   text NOT NULL CHECK (length(media_type) <= 200),
  size_bytes   bigint NOT NULL CHECK (size_bytes > 0),
  sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key  text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_files_entry_idx ON task_files (entry_id) WHERE entry_id IS NOT NULL;
CREATE INDEX task_files_pending_idx ON task_files (task_id, uploaded_by) WHERE entry_id IS NULL;
CREATE INDEX task_files_agreement_idx ON task_files (agreement_id);

-- How many bytes of evidence an agreement may hold (2 GB by default).
ALTER TABLE agreements ADD COLUMN file_quota_bytes bigint NOT NULL DEFAULT 2147483648 CHECK (file_quota_bytes >= 0);
