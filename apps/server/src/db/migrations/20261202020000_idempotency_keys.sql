-- Idempotency keys: the first answer to a create or another non-idempotent action, kept a day
-- under the key its client chose, so that a retry (its answer was lost to a crash or a timeout)
-- gets that answer again and creates nothing. The row is written in the same transaction as the
-- change it answers: a change that was rolled back leaves no key, one that committed always has it.
CREATE TABLE idempotency_keys (
  user_id       uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  key           text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  -- What the key was first used for: the method, the path and a hash of the body.
  request_hash  text NOT NULL,
  status        smallint,
  response      jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys(created_at);
