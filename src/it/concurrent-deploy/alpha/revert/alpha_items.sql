-- Revert alpha:alpha_items

BEGIN;

DROP TABLE alpha_items;

COMMIT;
