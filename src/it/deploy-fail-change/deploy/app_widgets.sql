-- Deploy app:app_widgets

BEGIN;

CREATE TABLE app_widgets (id INTEGER);
INSERT INTO nosuchtable VALUES (1);

COMMIT;
