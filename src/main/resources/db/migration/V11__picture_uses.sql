-- A picture and its uses: each article's lead picture has its own caption and alt text (NULL:
-- the picture's own), so a second article using the same picture never changes the first's.
-- The texts each article shows today become its own.
ALTER TABLE article ADD COLUMN lead_caption TEXT;
ALTER TABLE article ADD COLUMN lead_alt_text TEXT;
UPDATE article SET
  lead_caption = (SELECT caption FROM image WHERE image.id = article.lead_image_id),
  lead_alt_text = (SELECT alt_text FROM image WHERE image.id = article.lead_image_id)
WHERE lead_image_id IS NOT NULL;
