-- Newsroom accounts: who may sign in, their sessions, failed sign-ins (throttling), password reset
-- links, and the audit log of who did what. Secrets are never stored as given: passwords as
-- Argon2id hashes, session and reset tokens as SHA-256 hashes.

CREATE TABLE newsroom_user (
  id ${id},
  -- Lower case, as typed at sign-in.
  email VARCHAR(320) NOT NULL UNIQUE,
  name VARCHAR(200) NOT NULL,
  role VARCHAR(20) NOT NULL,
  -- Self-describing: $argon2id$v=19$m=19456,t=2,p=1$salt$hash
  password_hash VARCHAR(300) NOT NULL,
  -- The slug of the author (byline) page this person writes under, or empty; checked with the
  -- article feature when linked.
  author_slug VARCHAR(80) NOT NULL DEFAULT '',
  -- Base32 TOTP secret; empty while two-step sign-in is off.
  totp_secret VARCHAR(100) NOT NULL DEFAULT '',
  -- The last time step whose code was accepted, so a code is never accepted twice.
  totp_last_step BIGINT NOT NULL DEFAULT 0,
  disabled_at BIGINT,
  created_at BIGINT NOT NULL
);

CREATE TABLE newsroom_session (
  token_hash VARCHAR(64) PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES newsroom_user (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);
CREATE INDEX newsroom_session_by_user ON newsroom_session (user_id);

CREATE TABLE sign_in_failure (
  id ${id},
  email VARCHAR(320) NOT NULL,
  ip VARCHAR(64) NOT NULL,
  failed_at BIGINT NOT NULL
);
CREATE INDEX sign_in_failure_by_email ON sign_in_failure (email, failed_at);
CREATE INDEX sign_in_failure_by_ip ON sign_in_failure (ip, failed_at);

CREATE TABLE password_reset (
  token_hash VARCHAR(64) PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES newsroom_user (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);

CREATE TABLE audit_event (
  id ${id},
  at BIGINT NOT NULL,
  -- A user's email, "command line (OS user)", or "anonymous".
  actor VARCHAR(400) NOT NULL,
  action VARCHAR(60) NOT NULL,
  subject VARCHAR(400) NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  ip VARCHAR(64) NOT NULL DEFAULT ''
);
CREATE INDEX audit_event_by_time ON audit_event (at);
CREATE INDEX audit_event_by_actor ON audit_event (actor, at);
CREATE INDEX audit_event_by_action ON audit_event (action, at);
