-- Verify app:app_users

SELECT id, name FROM app_users WHERE 0;
