-- The newsroom's picture library: who uploaded a picture there (a newsroom account's id) and when.
-- NULL for pictures that came by the Markdown import or the demo edition. The uploader may edit
-- the rights and default texts of their own uploads; editors and administrators those of any.
ALTER TABLE image ADD COLUMN uploaded_by BIGINT;
ALTER TABLE image ADD COLUMN uploaded_at BIGINT;
-- Pictures whose right to be shown ends soon are listed for editors beforehand.
CREATE INDEX image_by_expiry ON image (expires_at);
