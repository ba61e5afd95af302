-- The comment system: rate limits, duplicate detection, the spam classifier's memory,
-- reply notifications and the keys that sign readers' cookies and unsubscribe links.

-- Where the authors of an article are told of new comments; never shown.
ALTER TABLE author ADD COLUMN email VARCHAR(320) NOT NULL DEFAULT '';

ALTER TABLE comment ADD COLUMN spam_probability REAL NOT NULL DEFAULT 0;
-- What the spam classifier learnt from this comment ('spam', 'ham' or ''), so a moderator who
-- changes their mind unlearns it first.
ALTER TABLE comment ADD COLUMN trained_as VARCHAR(10) NOT NULL DEFAULT '';
ALTER TABLE comment ADD COLUMN user_agent VARCHAR(300) NOT NULL DEFAULT '';
CREATE INDEX comment_by_ip ON comment (ip, created_at);
CREATE INDEX comment_by_status ON comment (status, created_at);
CREATE INDEX comment_by_parent ON comment (parent_id);

CREATE TABLE spam_token (
  token VARCHAR(200) PRIMARY KEY,
  spam_count INTEGER NOT NULL DEFAULT 0,
  ham_count INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE spam_total (
  id INTEGER PRIMARY KEY,
  spam_count INTEGER NOT NULL,
  ham_count INTEGER NOT NULL
);
INSERT INTO spam_total (id, spam_count, ham_count) VALUES (1, 0, 0);

CREATE TABLE site_key (
  name VARCHAR(40) PRIMARY KEY,
  secret VARCHAR(200) NOT NULL
);
