-- Revert app:app_users

BEGIN;

DROP TABLE app_users;

COMMIT;
