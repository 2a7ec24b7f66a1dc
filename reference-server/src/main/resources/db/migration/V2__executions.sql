-- Executions of workflows and the transactional outbox that hands them to the queue.
-- Portable SQL (H2 and PostgreSQL).
CREATE TABLE execution (
  id               VARCHAR(36)      NOT NULL PRIMARY KEY,
  workflow_id      VARCHAR(36)      NOT NULL,
  workflow_version BIGINT           NOT NULL,
  -- the definition as it was when the execution was created: a later PUT does not change a run
  definition_json  VARCHAR(1000000) NOT NULL,
  status           VARCHAR(16)      NOT NULL,
  params_json      VARCHAR(1000000) NOT NULL,
  results_json     VARCHAR(1000000) NOT NULL,
  attempts         INTEGER          NOT NULL,
  error            VARCHAR(4000),
  created_by       VARCHAR(256)     NOT NULL,
  idempotency_key  VARCHAR(255),
  created_at       TIMESTAMP        NOT NULL,
  started_at       TIMESTAMP,
  finished_at      TIMESTAMP,
  row_version      BIGINT           NOT NULL,
  CONSTRAINT execution_status_ck CHECK (status IN
    ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'dead_lettered')),
  -- the same Idempotency-Key from the same caller can never create a second execution
  CONSTRAINT execution_idempotency_uq UNIQUE (created_by, idempotency_key)
);

CREATE INDEX execution_created_idx ON execution (created_at);
CREATE INDEX execution_workflow_idx ON execution (workflow_id, created_at);
CREATE INDEX execution_status_idx ON execution (status, created_at);

-- Rows written in the same transaction as the state they announce; the relay sends and marks them.
CREATE TABLE outbox (
  id          VARCHAR(36)   NOT NULL PRIMARY KEY,
  queue_name  VARCHAR(128)  NOT NULL,
  message_id  VARCHAR(128)  NOT NULL,
  body        VARCHAR(8000) NOT NULL,
  created_at  TIMESTAMP     NOT NULL,
  sent_at     TIMESTAMP
);

CREATE INDEX outbox_unsent_idx ON outbox (sent_at, created_at);
