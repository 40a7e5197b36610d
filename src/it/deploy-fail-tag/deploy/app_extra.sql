-- Deploy app:app_extra

BEGIN;

CREATE TABLE app_extra (id INTEGER);

COMMIT;
