-- Account lists are read a page at a time by role and name (GET /api/participants, /api/staff):
-- with this index a page is a short index range, not a sort of every account.
create index ix_account_role_name on account (role, full_name, id);
