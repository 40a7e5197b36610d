-- Verify app:app_items

SELECT nosuchcolumn FROM app_items WHERE 0;
