-- Deploy beta:beta_items

BEGIN;

CREATE TABLE beta_items (id INTEGER PRIMARY KEY, name TEXT);

COMMIT;
