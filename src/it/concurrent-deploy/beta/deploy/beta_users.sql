-- Deploy beta:beta_users

BEGIN;

CREATE TABLE beta_users (id INTEGER PRIMARY KEY, name TEXT);

COMMIT;
