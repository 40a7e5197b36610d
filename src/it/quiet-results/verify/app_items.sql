-- Verify app:app_items

SELECT id, name FROM app_items WHERE 0;
