-- Trigram indexes make "contains" searches (admin user search, run details by email) index-backed.
-- pg_trgm ships with PostgreSQL's contrib and with PGlite (loaded in db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
