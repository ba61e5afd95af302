-- An article's card (front page, listings) may show a crop of its lead picture, with its own alt
-- text: an aspect ratio ('' for no crop: the whole lead picture) and a focal point in per cent of
-- the picture's width and height. card_alt_text NULL: the lead picture's alt text.
ALTER TABLE article ADD COLUMN card_ratio VARCHAR(10) NOT NULL DEFAULT '';
ALTER TABLE article ADD COLUMN card_focus_x INTEGER NOT NULL DEFAULT 50;
ALTER TABLE article ADD COLUMN card_focus_y INTEGER NOT NULL DEFAULT 50;
ALTER TABLE article ADD COLUMN card_alt_text TEXT;
-- The clean copies of a crop, made once per picture and crop. source_file is the picture's widest
-- copy (image.file_name), whose name changes with the rights written into it: a crop made with
-- former rights is then no longer found, and made again. file_name is the crop's widest copy in
-- image_file; its narrower copies are named after it, as a picture's are.
CREATE TABLE image_crop (
  source_file VARCHAR(200) NOT NULL,
  ratio VARCHAR(10) NOT NULL,
  focus_x INTEGER NOT NULL,
  focus_y INTEGER NOT NULL,
  file_name VARCHAR(200) NOT NULL,
  content_type VARCHAR(60) NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  made_at BIGINT NOT NULL,
  PRIMARY KEY (source_file, ratio, focus_x, focus_y)
);
