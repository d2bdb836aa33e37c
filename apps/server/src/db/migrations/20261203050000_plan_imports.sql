-- Plan imports: a spreadsheet read into a preview (its cells, never its bytes), checked again with
-- the fixes typed in the preview, then applied in one transaction. An applied import is not
-- applied again; a file imported before (by its SHA-256) is named in the next preview. A preview
-- left unapplied is removed a day later by the next upload to the agreement.
CREATE TABLE plan_imports (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id uuid NOT NULL REFERENCES agreements(id),
  created_by   uuid NOT NULL REFERENCES users(id),
  file_name    text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  -- The sheet as read (the domain's Sheet: its non-empty rows, cell by cell).
  sheet        jsonb NOT NULL,
  row_count    integer NOT NULL CHECK (row_count >= 0),
  state        text NOT NULL DEFAULT 'previewed' CHECK (state IN ('previewed','applied')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  applied_at   timestamptz,
  created_count integer,
  version      integer NOT NULL DEFAULT 1,
  CHECK ((state = 'applied') = (applied_at IS NOT NULL))
);
CREATE INDEX plan_imports_agreement ON plan_imports (agreement_id, sha256);
