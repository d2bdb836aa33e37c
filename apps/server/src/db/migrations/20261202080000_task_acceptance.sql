-- Acceptance by the other party: a delivered product is accepted, or rejected with a reason, by a
-- coordinator of the side that did not deliver it. The task keeps which side delivered (for a
-- joint task that decides who accepts), the version it was delivered at (a product changed since
-- is not accepted: 412), and the note of the last review (why it was rejected).
ALTER TABLE tasks
  ADD COLUMN delivered_by_side text CHECK (delivered_by_side IN ('government','enterprise')),
  ADD COLUMN delivered_version integer,
  ADD COLUMN review_note       text CHECK (length(review_note) <= 4000),
  ADD CONSTRAINT tasks_delivery_facts CHECK ((delivered_on IS NULL) = (delivered_by_side IS NULL) OR delivered_on IS NOT NULL);

-- Tasks taken as delivered by the earlier migration were delivered by the side that owed them.
UPDATE tasks SET delivered_by_side = CASE obligor WHEN 'enterprise' THEN 'enterprise' ELSE 'government' END, delivered_version = version
  WHERE delivered_on IS NOT NULL;

-- The products waiting for acceptance, per agreement: small, and read by every acceptance list.
CREATE INDEX tasks_awaiting_acceptance_idx ON tasks (agreement_id, delivered_on)
  WHERE delivered_on IS NOT NULL AND accepted_on IS NULL AND deleted_at IS NULL;
