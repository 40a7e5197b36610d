-- Revert beta:beta_items

BEGIN;

DROP TABLE beta_items;

COMMIT;
