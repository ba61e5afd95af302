-- Editorial integrity: what kind of article it is, where it was reported from, and its sources.
ALTER TABLE article ADD COLUMN article_type VARCHAR(20) NOT NULL DEFAULT 'news';
ALTER TABLE article ADD COLUMN dateline VARCHAR(100) NOT NULL DEFAULT '';

CREATE TABLE article_source (
  article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name VARCHAR(300) NOT NULL,
  kind VARCHAR(20) NOT NULL,
  link VARCHAR(2000) NOT NULL,
  reason VARCHAR(1000) NOT NULL,
  PRIMARY KEY (article_id, position)
);
