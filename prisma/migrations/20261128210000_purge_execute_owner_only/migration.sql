-- The purge was callable by every login role (PostgreSQL grants EXECUTE to PUBLIC by default): it re-checked
-- eligibility, but a purge is the record keeper's decision. Only the role that owns the schema (the one running
-- the migrations and `npm run purge-records`) may call it now.
REVOKE EXECUTE ON FUNCTION purge_closed_case(TEXT, INTEGER, TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION purge_closed_case(TEXT, INTEGER, TEXT) TO CURRENT_USER;
