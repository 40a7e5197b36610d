-- Deploy alpha:alpha_users

BEGIN;

CREATE TABLE alpha_users (id INTEGER PRIMARY KEY, name TEXT);

COMMIT;
