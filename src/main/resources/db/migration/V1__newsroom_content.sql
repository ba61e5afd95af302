-- One schema for SQLite and PostgreSQL. ${id} is the engine's auto-numbered key.
-- Times are UTC epoch milliseconds, so both engines store and compare them alike.

CREATE TABLE section (
  id ${id},
  slug VARCHAR(80) NOT NULL UNIQUE,
  name VARCHAR(120) NOT NULL,
  position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE author (
  id ${id},
  slug VARCHAR(80) NOT NULL UNIQUE,
  name VARCHAR(120) NOT NULL,
  bio TEXT NOT NULL DEFAULT ''
);

CREATE TABLE tag (
  id ${id},
  slug VARCHAR(80) NOT NULL UNIQUE,
  name VARCHAR(120) NOT NULL
);

CREATE TABLE image (
  id ${id},
  file_name VARCHAR(200) NOT NULL UNIQUE,
  content_type VARCHAR(60) NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  caption TEXT NOT NULL DEFAULT '',
  credit VARCHAR(300) NOT NULL DEFAULT '',
  alt_text TEXT NOT NULL DEFAULT ''
);

CREATE TABLE article (
  id ${id},
  slug VARCHAR(160) NOT NULL UNIQUE,
  kicker VARCHAR(200) NOT NULL DEFAULT '',
  headline VARCHAR(400) NOT NULL,
  standfirst TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  section_id BIGINT NOT NULL REFERENCES section (id),
  status VARCHAR(20) NOT NULL,
  published_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  lead_image_id BIGINT REFERENCES image (id),
  comments_open INTEGER NOT NULL DEFAULT 1,
  -- Kept by the comment feature in the same transaction as the comment it counts.
  comment_count INTEGER NOT NULL DEFAULT 0,
  source_path TEXT
);
CREATE INDEX article_listing ON article (status, published_at);
CREATE INDEX article_section ON article (section_id, status, published_at);

CREATE TABLE article_author (
  article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  author_id BIGINT NOT NULL REFERENCES author (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (article_id, author_id)
);
CREATE INDEX article_author_by_author ON article_author (author_id);

CREATE TABLE article_tag (
  article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  tag_id BIGINT NOT NULL REFERENCES tag (id),
  PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tag_by_tag ON article_tag (tag_id);

-- Images placed in a body (figures, Markdown images), by the reference written in the body.
CREATE TABLE article_figure (
  article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  reference VARCHAR(500) NOT NULL,
  image_id BIGINT NOT NULL REFERENCES image (id),
  PRIMARY KEY (article_id, reference)
);

CREATE TABLE setting (
  setting_key VARCHAR(120) PRIMARY KEY,
  setting_value TEXT NOT NULL
);

-- Every committed change that a running site must react to (page caches, settings).
CREATE TABLE change_log (
  id ${id},
  topic VARCHAR(40) NOT NULL,
  subject VARCHAR(200) NOT NULL DEFAULT '',
  changed_at BIGINT NOT NULL
);

CREATE TABLE comment (
  id ${id},
  article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  parent_id BIGINT REFERENCES comment (id),
  author_name VARCHAR(200) NOT NULL,
  author_email VARCHAR(320) NOT NULL,
  author_website VARCHAR(500) NOT NULL DEFAULT '',
  body TEXT NOT NULL,
  status VARCHAR(20) NOT NULL,
  created_at BIGINT NOT NULL,
  ip VARCHAR(64) NOT NULL DEFAULT '',
  notify_replies INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX comment_by_article ON comment (article_id, status, created_at);
CREATE INDEX comment_by_email ON comment (author_email, status);
