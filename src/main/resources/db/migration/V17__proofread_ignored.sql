-- Findings an editor chose to ignore in one article ("ignore here"): the same rule on the same
-- words in that article is not shown again. Other articles still see it.
CREATE TABLE proofread_ignored (
  article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  rule VARCHAR(120) NOT NULL,
  words VARCHAR(200) NOT NULL,
  ignored_at BIGINT NOT NULL,
  PRIMARY KEY (article_id, rule, words)
);
