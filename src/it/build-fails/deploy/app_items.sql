-- Deploy app:app_items

BEGIN;

INSERT INTO nosuchtable VALUES (1);

COMMIT;
