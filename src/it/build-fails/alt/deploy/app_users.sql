-- Deploy app:app_users, another version

CREATE TABLE app_users (id INTEGER PRIMARY KEY);
