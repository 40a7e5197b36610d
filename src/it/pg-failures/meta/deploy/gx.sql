-- Only psql runs this: \gexec runs each value of the result as a statement.
SELECT 'CREATE TABLE gx (id INT)' \gexec
