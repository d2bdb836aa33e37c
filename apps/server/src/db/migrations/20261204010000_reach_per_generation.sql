-- What a user's organisation reaches is no longer kept in each session row: it is a function of
-- the organisation tree alone, which each request reads the generation of with its session, and
-- each server instance keeps it per organisation for that generation (modules/access/reach-cache.ts).
-- A province coordinator's session row carried 2 × 174 ids that every request read and sent.
ALTER TABLE sessions
  DROP COLUMN reach,
  DROP COLUMN down,
  DROP COLUMN reach_generation;
