-- The sign-in throttle counts an attempt before its password is checked, in one statement: an
-- upsert on a row per key (an account, a client address) that the row lock serialises, so a burst
-- of parallel attempts is counted one by one (a count read first and written after the check let
-- 100 of 100 parallel wrong passwords through). The window starts at the first attempt counted and
-- ends `SIGN_IN_WINDOW_MINUTES` later; a successful sign-in takes its attempt back.
CREATE TABLE sign_in_attempts (
  key           text PRIMARY KEY CHECK (length(key) <= 400),
  n             integer NOT NULL CHECK (n >= 0),
  window_start  timestamptz NOT NULL DEFAULT now()
);

-- Failures counted the old way are a throttle's short-lived state, not a record: they start again.
DROP TABLE sign_in_failures;
