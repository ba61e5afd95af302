-- The newsroom's dictionary: names of places, people and outlets the proofreader must not take
-- for misspellings. Shared by the whole newsroom; words are kept as written (case matters).
CREATE TABLE newsroom_word (
  id ${id},
  word VARCHAR(100) NOT NULL UNIQUE,
  added_at BIGINT NOT NULL
);
