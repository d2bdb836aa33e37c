-- A task's thread: progress reports, comments and directions, each dated and attributed, and the
-- entries the delivery steps write (delivered, accepted, rejected). Newest first by `seq`.
-- An internal entry is seen by the author's side only (`audience_side`, the one side that may read
-- it): never by the other party, nor by anyone outside the agreement; its history events carry the
-- same `audience_side`.
CREATE TABLE task_entries (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  agreement_id   uuid NOT NULL REFERENCES agreements(id),
  task_id        uuid NOT NULL REFERENCES tasks(id),
  kind           text NOT NULL CHECK (kind IN ('report','comment','direction','delivered','accepted','rejected')),
  author_id      uuid NOT NULL REFERENCES users(id),
  -- Where the author stood when writing: their organisation and their side in the agreement
  -- (null for an administrator who is no party).
  author_org_id  uuid NOT NULL REFERENCES organisations(id),
  author_side    text CHECK (author_side IN ('government','enterprise')),
  audience_side  text CHECK (audience_side IN ('government','enterprise') AND audience_side = author_side),
  body           text NOT NULL CHECK (length(body) <= 10000),
  progress       numeric(4,1) CHECK (progress BETWEEN 0 AND 100),
  state          text CHECK (state IN ('open','paused','cancelled')),
  state_reason   text CHECK (length(state_reason) <= 2000),
  -- The people it points at: kept as ids, for a later notice to each.
  mentions       uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(mentions) <= 20),
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  edited_at      timestamptz,
  deleted_at     timestamptz,
  CHECK (kind IN ('delivered','accepted','rejected') OR length(body) >= 1),
  CHECK (kind = 'report' OR (progress IS NULL AND state IS NULL)),
  CHECK (audience_side IS NULL OR (progress IS NULL AND state IS NULL))
);
CREATE INDEX task_entries_thread_idx ON task_entries (task_id, seq DESC) WHERE deleted_at IS NULL;
CREATE INDEX task_entries_mentions_idx ON task_entries USING gin (mentions) WHERE deleted_at IS NULL;

ALTER TABLE audit_events DROP CONSTRAINT audit_events_entity_type_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_entity_type_check
  CHECK (entity_type IN ('agreement','area','task','organisation','user','entry'));
-- The side that alone may read an event (an internal entry's); null: everyone who reads the agreement.
ALTER TABLE audit_events ADD COLUMN audience_side text CHECK (audience_side IN ('government','enterprise'));

-- Text folded as `foldForSearch` folds it (no diacritics, no case, single spaces): for finding
-- people by name. Tested to agree with the domain's function.
CREATE FUNCTION fold_text(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(lower(translate(regexp_replace(normalize(t, NFD), '[\u0300-\u036f]', '', 'g'), 'đĐ', 'dD')), '\s+', ' ', 'g'))
$$;
