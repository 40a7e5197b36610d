-- Verify alpha:alpha_users

SELECT id, name FROM alpha_users WHERE 0;
