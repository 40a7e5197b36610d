-- Verify beta:beta_items

SELECT id, name FROM beta_items WHERE 0;
