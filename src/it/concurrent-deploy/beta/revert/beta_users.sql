-- Revert beta:beta_users

BEGIN;

DROP TABLE beta_users;

COMMIT;
