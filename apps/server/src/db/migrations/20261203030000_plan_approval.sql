-- Plan approval: a plan is submitted as a version (the tasks as they stood, numbered as the plan
-- shows them) and approved by a coordinator of each side, or returned with reasons. An approved
-- plan is revised by submitting again; any two versions can be compared. At most one submission
-- waits at a time. A task that fails the "5 rõ" check may be waived by a coordinator, with a reason
-- kept in its history: the plan can then be submitted with it.
CREATE TABLE plan_versions (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id   uuid NOT NULL REFERENCES agreements(id),
  number         integer NOT NULL CHECK (number >= 1),
  state          text NOT NULL DEFAULT 'submitted' CHECK (state IN ('submitted','approved','returned','withdrawn')),
  note           text CHECK (length(note) <= 4000),
  -- The plan's tasks as submitted (the domain's PlanTaskSnapshot[]).
  snapshot       jsonb NOT NULL,
  task_count     integer NOT NULL CHECK (task_count >= 0),
  submitted_by   uuid NOT NULL REFERENCES users(id),
  submitted_side text CHECK (submitted_side IN ('government','enterprise')),
  submitted_at   timestamptz NOT NULL DEFAULT now(),
  decided_at     timestamptz,
  version        integer NOT NULL DEFAULT 1,
  UNIQUE (agreement_id, number),
  CHECK ((state = 'submitted') = (decided_at IS NULL))
);
CREATE UNIQUE INDEX plan_versions_one_waiting ON plan_versions (agreement_id) WHERE state = 'submitted';

-- Each side's decision on a version: approved, or returned with its reasons.
CREATE TABLE plan_decisions (
  plan_version_id uuid NOT NULL REFERENCES plan_versions(id),
  side            text NOT NULL CHECK (side IN ('government','enterprise')),
  decision        text NOT NULL CHECK (decision IN ('approved','returned')),
  decided_by      uuid NOT NULL REFERENCES users(id),
  note            text CHECK (length(note) <= 4000),
  decided_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_version_id, side),
  CHECK (decision = 'approved' OR length(trim(note)) > 0)
);

ALTER TABLE tasks
  ADD COLUMN clarity_waiver text CHECK (length(clarity_waiver) BETWEEN 1 AND 2000),
  ADD COLUMN clarity_waived_by uuid REFERENCES users(id),
  ADD COLUMN clarity_waived_at timestamptz,
  ADD CONSTRAINT tasks_waiver_whole CHECK ((clarity_waiver IS NULL) = (clarity_waived_by IS NULL) AND (clarity_waiver IS NULL) = (clarity_waived_at IS NULL));

ALTER TABLE audit_events DROP CONSTRAINT audit_events_entity_type_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_entity_type_check
  CHECK (entity_type IN ('agreement','area','task','organisation','user','entry','plan'));
