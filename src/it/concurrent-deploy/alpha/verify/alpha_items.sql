-- Verify alpha:alpha_items

SELECT id, name FROM alpha_items WHERE 0;
