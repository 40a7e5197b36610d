-- Deploy alpha:alpha_items

BEGIN;

CREATE TABLE alpha_items (id INTEGER PRIMARY KEY, name TEXT);

COMMIT;
