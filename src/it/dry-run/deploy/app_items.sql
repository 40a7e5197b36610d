-- Deploy app:app_items

BEGIN;

CREATE TABLE app_items (id INTEGER PRIMARY KEY, name TEXT);

COMMIT;
