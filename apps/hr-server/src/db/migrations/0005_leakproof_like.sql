-- Under row-level security the planner only pushes leakproof operators into index scans. LIKE
-- (textlike) is not marked leakproof, so the trigram index on employees.search_text would filter by
-- tenant only. textlike's only error ("pattern must not end with escape character") depends on the
-- pattern, never on the row, so it cannot leak row data. Marking it needs a superuser; without one the
-- search stays correct, just slower (docs/decisions/006).
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION pg_catalog.textlike(text, text) LEAKPROOF;
  ELSE
    RAISE NOTICE 'jinji: not superuser; textlike stays non-leakproof (slower partial name search)';
  END IF;
END $$;
