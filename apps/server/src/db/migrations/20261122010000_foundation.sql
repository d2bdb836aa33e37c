-- Accord foundation: organisations, users, sessions, agreements, the plan tree and the audit log.

CREATE TABLE organisations (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  parent_id     uuid REFERENCES organisations(id),
  kind          text NOT NULL CHECK (kind IN ('central_agency','province','department','district','commune','enterprise_group','branch','enterprise_unit')),
  side          text NOT NULL CHECK (side IN ('government','enterprise')),
  name_vi       text NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 300),
  name_en       text CHECK (length(name_en) <= 300),
  short_name    text CHECK (length(short_name) <= 80),
  code          text CHECK (length(code) <= 20),
  code_scheme   text CHECK (code_scheme IN ('pre2025','post2025')),
  valid_from    date,
  valid_to      date,
  successor_id  uuid REFERENCES organisations(id),
  search_text   text NOT NULL DEFAULT '',
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (successor_id IS NULL OR successor_id <> id),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX organisations_parent_idx ON organisations(parent_id);
CREATE INDEX organisations_successor_idx ON organisations(successor_id);
CREATE UNIQUE INDEX organisations_code_idx ON organisations(kind, code_scheme, code) WHERE code IS NOT NULL AND kind = 'province';

CREATE TABLE users (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email           text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) <= 254),
  display_name    text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  password_hash   text NOT NULL,
  role            text NOT NULL CHECK (role IN ('admin','coordinator','unit_officer','leader','observer')),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  locale          text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi','en')),
  disabled_at     timestamptz,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_organisation_idx ON users(organisation_id);

-- Server-side sessions: the cookie holds a random token, the table only its SHA-256.
CREATE TABLE sessions (
  token_hash    bytea PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  ip            text,
  user_agent    text
);
CREATE INDEX sessions_user_idx ON sessions(user_id);
CREATE INDEX sessions_expires_idx ON sessions(expires_at);

-- Failed sign-ins, per account and per address, for throttling across all server instances.
CREATE TABLE sign_in_failures (
  id         bigserial PRIMARY KEY,
  key        text NOT NULL,
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_failures_key_at_idx ON sign_in_failures(key, at);

CREATE TABLE agreements (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title          text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  kind           text NOT NULL DEFAULT 'agreement' CHECK (kind IN ('agreement','mou')),
  reference      text CHECK (length(reference) <= 100),
  summary        text CHECK (length(summary) <= 10000),
  status         text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','signed','in_force','completed','expired','terminated')),
  signed_on      date,
  signed_place   text CHECK (length(signed_place) <= 300),
  period_start   date,
  period_end     date,
  predecessor_id uuid REFERENCES agreements(id),
  parent_id      uuid REFERENCES agreements(id),
  legal_bases    text[] NOT NULL DEFAULT '{}',
  source_urls    text[] NOT NULL DEFAULT '{}',
  visibility     text NOT NULL DEFAULT 'parties' CHECK (visibility IN ('parties','public')),
  search_text    text NOT NULL DEFAULT '',
  created_by     uuid REFERENCES users(id),
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  deleted_at     timestamptz,
  CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start),
  CHECK (predecessor_id IS NULL OR predecessor_id <> id),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX agreements_status_idx ON agreements(status) WHERE deleted_at IS NULL;
CREATE INDEX agreements_predecessor_idx ON agreements(predecessor_id);
CREATE INDEX agreements_parent_idx ON agreements(parent_id);

CREATE TABLE agreement_parties (
  agreement_id     uuid NOT NULL REFERENCES agreements(id),
  organisation_id  uuid NOT NULL REFERENCES organisations(id),
  side             text NOT NULL CHECK (side IN ('government','enterprise')),
  position         integer NOT NULL,
  -- The party's name as signed: an organisation may later merge or be renamed.
  name_at_signing  text NOT NULL,
  label            text CHECK (length(label) <= 20),
  signatory_name   text CHECK (length(signatory_name) <= 200),
  signatory_title  text CHECK (length(signatory_title) <= 300),
  PRIMARY KEY (agreement_id, organisation_id)
);
CREATE INDEX agreement_parties_org_idx ON agreement_parties(organisation_id);

CREATE TABLE areas (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id  uuid NOT NULL REFERENCES agreements(id),
  theme         text CHECK (theme IN ('digital_infrastructure','digital_government','digital_economy','digital_society','smart_city','information_security','human_resources','strategy_consulting','sector_programme')),
  title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description   text CHECK (length(description) <= 5000),
  position      integer NOT NULL,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  deleted_at    timestamptz
);
CREATE INDEX areas_agreement_idx ON areas(agreement_id, position) WHERE deleted_at IS NULL;

CREATE TABLE tasks (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id       uuid NOT NULL REFERENCES agreements(id),
  area_id            uuid NOT NULL REFERENCES areas(id),
  parent_id          uuid REFERENCES tasks(id),
  position           integer NOT NULL,
  depth              integer NOT NULL DEFAULT 0,
  code               text CHECK (length(code) <= 30),
  title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  description        text CHECK (length(description) <= 10000),
  obligor            text NOT NULL CHECK (obligor IN ('government','enterprise','joint')),
  lead_org_id        uuid REFERENCES organisations(id),
  responsible_person text CHECK (length(responsible_person) <= 200),
  start_date         date,
  due_date           date,
  expected_product   text CHECK (length(expected_product) <= 2000),
  status             text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','in_progress','completed','paused','cancelled')),
  search_text        text NOT NULL DEFAULT '',
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  deleted_at         timestamptz,
  CHECK (due_date IS NULL OR start_date IS NULL OR due_date >= start_date),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX tasks_agreement_idx ON tasks(agreement_id) WHERE deleted_at IS NULL;
CREATE INDEX tasks_parent_idx ON tasks(parent_id);
CREATE INDEX tasks_lead_idx ON tasks(lead_org_id) WHERE deleted_at IS NULL;

CREATE TABLE task_coordinators (
  task_id          uuid NOT NULL REFERENCES tasks(id),
  organisation_id  uuid NOT NULL REFERENCES organisations(id),
  position         integer NOT NULL,
  PRIMARY KEY (task_id, organisation_id)
);
CREATE INDEX task_coordinators_org_idx ON task_coordinators(organisation_id);

-- Append-only history of every change, written in the same transaction as the change.
CREATE TABLE audit_events (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  actor_id      uuid REFERENCES users(id),
  action        text NOT NULL CHECK (action IN ('create','update','delete','status','move')),
  entity_type   text NOT NULL CHECK (entity_type IN ('agreement','area','task','organisation','user')),
  entity_id     uuid NOT NULL,
  agreement_id  uuid,
  entity_title  text,
  before        jsonb,
  after         jsonb
);
CREATE INDEX audit_events_agreement_idx ON audit_events(agreement_id, id);
CREATE INDEX audit_events_entity_idx ON audit_events(entity_id, id);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END $$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
