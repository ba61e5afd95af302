-- The newsroom's desk: what leads the front page, what each section says of itself, and who each
-- author is (job title, fields of expertise, photo).

-- The editors' picks: place 0 is the pinned lead story, places 1, 2, … the top stories in order.
-- An article that is not published (or no longer) is simply not shown.
CREATE TABLE front_page_pick (
  article_id BIGINT PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
  place INTEGER NOT NULL
);

-- Shown on the section's page and as its meta description.
ALTER TABLE section ADD COLUMN description TEXT NOT NULL DEFAULT '';

ALTER TABLE author ADD COLUMN job_title VARCHAR(120) NOT NULL DEFAULT '';
-- One field of expertise per line, in the order given.
ALTER TABLE author ADD COLUMN expertise TEXT NOT NULL DEFAULT '';
ALTER TABLE author ADD COLUMN photo_id BIGINT REFERENCES image (id);
