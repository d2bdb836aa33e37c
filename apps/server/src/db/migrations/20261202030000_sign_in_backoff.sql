-- The account lockout becomes one its owner can get past: failures are counted per account *and
-- address* (five wrong passwords from an attacker's address no longer lock the owner out at
-- their own), and past the limit each further attempt from that pair waits twice as long as the
-- last (1, 2, 4 … minutes, capped). `last_at` is when the pair last had an attempt checked. The
-- per-address limit over all accounts stays as it was. Counters are a throttle's short-lived state:
-- the old per-account rows simply go.
ALTER TABLE sign_in_attempts ADD COLUMN last_at timestamptz NOT NULL DEFAULT now();
DELETE FROM sign_in_attempts WHERE key LIKE 'account:%';
