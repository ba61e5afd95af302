-- A running site rereads the last minute of changes (ids on PostgreSQL follow insert order,
-- not commit order), so the change log is read by time too.
CREATE INDEX change_log_by_time ON change_log (changed_at);
