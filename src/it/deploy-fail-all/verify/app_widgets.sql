-- Verify app:app_widgets

SELECT 1;
