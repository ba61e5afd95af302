-- Picture bytes live in the database, so every node of a site serves a picture imported on any
-- of them. ${bytes} is the engine's binary type: BLOB on SQLite, BYTEA on PostgreSQL.
-- Pictures a site kept in its data folder's media/ are moved in when it starts (MediaService).
CREATE TABLE image_file (
  file_name VARCHAR(200) PRIMARY KEY,
  content_type VARCHAR(60) NOT NULL,
  byte_count BIGINT NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  bytes ${bytes} NOT NULL,
  stored_at BIGINT NOT NULL
);
