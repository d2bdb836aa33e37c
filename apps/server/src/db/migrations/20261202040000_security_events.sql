-- The security log: sign-ins (succeeded, failed, throttled), password changes, refusals and every
-- administrative action, with who, from where and the request's id. Administrators read it in the
-- app; the same events go to the structured log. Append-only, like the audit log.
CREATE TABLE security_events (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  kind        text NOT NULL CHECK (kind IN ('sign_in.succeeded','sign_in.failed','sign_in.throttled','password.changed',
                                            'password.change_refused','access.denied','admin.action','admin.created')),
  user_id     uuid,  -- no foreign key: the log outlives what it names
  email       text CHECK (length(email) <= 254),
  ip          text CHECK (length(ip) <= 100),
  request_id  text CHECK (length(request_id) <= 100),
  details     jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX security_events_kind_idx ON security_events(kind, id);

CREATE TRIGGER security_events_no_update BEFORE UPDATE OR DELETE ON security_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
