-- Revert app:app_items

BEGIN;

DROP TABLE app_items;

COMMIT;
