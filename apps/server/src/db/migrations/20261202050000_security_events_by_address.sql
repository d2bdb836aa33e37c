-- Throttled sign-ins are stored once a minute per address (each is still a log line): the check
-- looks up the address's latest event of that kind.
CREATE INDEX security_events_ip_idx ON security_events(ip, kind, at);
