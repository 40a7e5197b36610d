-- Revert app:app_widgets

BEGIN;

DROP TABLE IF EXISTS app_widgets;

COMMIT;
