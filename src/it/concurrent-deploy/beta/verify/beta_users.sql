-- Verify beta:beta_users

SELECT id, name FROM beta_users WHERE 0;
