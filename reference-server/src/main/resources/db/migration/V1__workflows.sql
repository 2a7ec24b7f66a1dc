-- Workflows: a versioned JSON definition of steps. Portable SQL (H2 and PostgreSQL).
CREATE TABLE workflow (
  id              VARCHAR(36)      NOT NULL PRIMARY KEY,
  name            VARCHAR(200)     NOT NULL,
  status          VARCHAR(16)      NOT NULL,
  definition_json VARCHAR(1000000) NOT NULL,
  row_version     BIGINT           NOT NULL,
  created_by      VARCHAR(256)     NOT NULL,
  created_at      TIMESTAMP        NOT NULL,
  updated_at      TIMESTAMP        NOT NULL
);

CREATE INDEX workflow_status_created_idx ON workflow (status, created_at);
CREATE INDEX workflow_created_idx ON workflow (created_at);
