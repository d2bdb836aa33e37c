-- The organisations a signed-in user acts for, kept with the session instead of walked on every
-- request. Any change to the organisation tree, or to which organisation a user belongs to, bumps
-- a generation in the same transaction; a session whose reach is of an older generation works it
-- out again (see findSession).
CREATE TABLE organisation_generation (
  id  boolean PRIMARY KEY DEFAULT true CHECK (id),
  n   bigint NOT NULL
);
INSERT INTO organisation_generation(id, n) VALUES (true, 1);

CREATE FUNCTION bump_organisation_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE organisation_generation SET n = n + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER organisations_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION bump_organisation_generation();
CREATE TRIGGER users_organisation_generation AFTER UPDATE OF organisation_id ON users
  FOR EACH STATEMENT EXECUTE FUNCTION bump_organisation_generation();

ALTER TABLE sessions
  ADD COLUMN reach uuid[],
  ADD COLUMN down uuid[],
  ADD COLUMN reach_generation bigint;
