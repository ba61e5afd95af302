-- The slugs an article had before it was renamed: its old addresses answer 301 with the new one.
-- A slug taken up again by any article leaves this table.
CREATE TABLE article_slug (
  slug VARCHAR(160) NOT NULL PRIMARY KEY,
  article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  retired_at BIGINT NOT NULL
);

CREATE INDEX article_slug_by_article ON article_slug (article_id);
