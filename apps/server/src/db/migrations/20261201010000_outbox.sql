-- One way to change state: every change writes its history event and, in the same transaction,
-- an outbox row that notifications and background jobs read "what happened" from.

-- A change that brings others with it (deleting an area deletes its tasks) records an event for
-- each of them too; `cause_id` names the record whose change caused it.
ALTER TABLE audit_events ADD COLUMN cause_id uuid;

CREATE TABLE outbox (
  id              bigserial PRIMARY KEY,
  at              timestamptz NOT NULL DEFAULT now(),
  audit_event_id  bigint NOT NULL REFERENCES audit_events(id),
  -- '<entity>.<action>', e.g. 'task.update'
  topic           text NOT NULL CHECK (length(topic) <= 100),
  agreement_id    uuid,
  entity_type     text NOT NULL,
  entity_id       uuid NOT NULL,
  actor_id        uuid,
  processed_at    timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (id) WHERE processed_at IS NULL;
