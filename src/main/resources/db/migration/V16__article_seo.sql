-- What search engines and sharing show of an article, when the newsroom writes it apart from the
-- headline and standfirst (empty: the headline and standfirst are used).
ALTER TABLE article ADD COLUMN seo_title VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE article ADD COLUMN seo_description VARCHAR(400) NOT NULL DEFAULT '';
