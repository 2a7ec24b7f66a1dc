-- Non-blocking delay steps. Portable SQL (H2 and PostgreSQL).
-- While a delay step is pending: when the execution resumes (the token its continuation carries).
ALTER TABLE execution ADD COLUMN resume_at TIMESTAMP;
-- When the queue may deliver the message (scheduled delivery); NULL for at once.
ALTER TABLE outbox ADD COLUMN deliver_at TIMESTAMP;
