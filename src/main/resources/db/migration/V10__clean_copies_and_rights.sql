-- Pictures are served only as clean copies made at intake (re-encoded, upright, sRGB, private
-- metadata removed, rights written in), in several widths, from image_file. The file as it came
-- in is kept here, privately, for the newsroom: never served.
CREATE TABLE image_original (
  sha256 VARCHAR(64) PRIMARY KEY,
  content_type VARCHAR(60) NOT NULL,
  byte_count BIGINT NOT NULL,
  bytes ${bytes} NOT NULL,
  stored_at BIGINT NOT NULL
);

-- A picture's rights beside its credit. expires_at (epoch ms) withdraws it from public pages.
ALTER TABLE image ADD COLUMN creator VARCHAR(300) NOT NULL DEFAULT '';
ALTER TABLE image ADD COLUMN copyright_notice VARCHAR(300) NOT NULL DEFAULT '';
ALTER TABLE image ADD COLUMN source VARCHAR(300) NOT NULL DEFAULT '';
ALTER TABLE image ADD COLUMN usage_terms TEXT NOT NULL DEFAULT '';
ALTER TABLE image ADD COLUMN expires_at BIGINT;
ALTER TABLE image ADD COLUMN original_sha256 VARCHAR(64);
-- The recipe its copies were made with (CleanCopies.RECIPE); 0: an earlier version stored the
-- file as it came, and the start-up job makes its copies.
ALTER TABLE image ADD COLUMN copies_recipe INTEGER NOT NULL DEFAULT 0;
