-- Corrections, clarifications, updates and editor's notes on articles. Nothing is edited away:
-- an edit or a withdrawal first copies what stood before into correction_history.
CREATE TABLE correction (
  id ${id},
  article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  kind VARCHAR(20) NOT NULL,
  corrected_at BIGINT NOT NULL,
  text VARCHAR(5000) NOT NULL,
  created_at BIGINT NOT NULL,
  withdrawn_at BIGINT,
  withdrawn_reason VARCHAR(1000)
);

CREATE INDEX correction_by_article ON correction (article_id);
CREATE INDEX correction_by_date ON correction (corrected_at);

CREATE TABLE correction_history (
  id ${id},
  correction_id BIGINT NOT NULL REFERENCES correction (id) ON DELETE CASCADE,
  action VARCHAR(20) NOT NULL,
  changed_at BIGINT NOT NULL,
  kind VARCHAR(20) NOT NULL,
  corrected_at BIGINT NOT NULL,
  text VARCHAR(5000) NOT NULL,
  reason VARCHAR(1000) NOT NULL
);

CREATE INDEX correction_history_by_correction ON correction_history (correction_id);
