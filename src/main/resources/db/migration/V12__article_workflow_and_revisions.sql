-- The article workflow: draft, in-review, scheduled, published, unpublished, trash. Existing
-- rows keep 'draft' and 'published'; a published article dated in the future becomes
-- 'scheduled' when the site next opens (ArticleService.keepSchedules), since "now" is written
-- differently in each engine's SQL.

-- Incremented on every save, so a writer who started from an older version is told, not overwritten.
ALTER TABLE article ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

-- The newsroom account (newsroom_user.id) that created the article; null for imports, the
-- command line and articles stored before this column. Not a foreign key: like the audit log,
-- the record of who did something outlasts their account.
ALTER TABLE article ADD COLUMN created_by BIGINT;

-- Every save of an article: who, when, why, and every field as JSON.
CREATE TABLE article_revision (
  id ${id},
  article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  version BIGINT NOT NULL,
  saved_at BIGINT NOT NULL,
  actor VARCHAR(400) NOT NULL,
  actor_user_id BIGINT,
  what VARCHAR(200) NOT NULL,
  content ${text} NOT NULL
);
CREATE INDEX article_revision_by_article ON article_revision (article_id, id);
