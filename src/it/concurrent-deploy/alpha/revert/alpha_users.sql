-- Revert alpha:alpha_users

BEGIN;

DROP TABLE alpha_users;

COMMIT;
