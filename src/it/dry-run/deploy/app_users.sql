-- Deploy app:app_users

BEGIN;

CREATE TABLE app_users (id INTEGER PRIMARY KEY, name TEXT);

COMMIT;
