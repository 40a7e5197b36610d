-- Revert app:app_extra

BEGIN;

DROP TABLE IF EXISTS app_extra;

COMMIT;
