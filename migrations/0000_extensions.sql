-- Trigram similarity for typo-tolerant search, in any script.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
