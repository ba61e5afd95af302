-- Readers' reports of comments, and replies the newsroom writes as itself.

-- One reader's report of a comment. A report never hides a comment: it puts it in the
-- moderators' reported list until a moderator decides about it or dismisses the reports.
CREATE TABLE comment_report (
  id ${id},
  comment_id BIGINT NOT NULL REFERENCES comment (id) ON DELETE CASCADE,
  -- One of a few fixed reasons ('spam', 'abuse', 'off-topic', 'personal', 'other'), or ''.
  reason VARCHAR(20) NOT NULL DEFAULT '',
  -- The reporter's client address: for the hourly limit and one open report per address.
  ip VARCHAR(64) NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  -- When a moderator answered it (a decision about the comment, or dismissing); NULL while open.
  closed_at BIGINT
);
CREATE INDEX comment_report_by_comment ON comment_report (comment_id, closed_at);
CREATE INDEX comment_report_by_ip ON comment_report (ip, created_at);

-- 1 for a reply written in the newsroom, which the page marks as staff; readers' posts are 0.
ALTER TABLE comment ADD COLUMN staff INTEGER NOT NULL DEFAULT 0;
