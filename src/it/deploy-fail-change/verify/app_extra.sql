-- Verify app:app_extra

SELECT 1;
