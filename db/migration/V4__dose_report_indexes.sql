-- Indexes for the dose reports added up in SQL (dose/DoseFacts, bench/org-dose-floor.sql).
-- Runs unchanged on H2 2.x and PostgreSQL.

-- From a session to the enrollments whose plan holds its block on that date (rosters, and the
-- report's join when the planner starts from the week's sessions).
create index ix_plan_block_from on enrollment_plan_block (block_id, valid_from);

-- A program's enrollments that have started by the end of a week (program report, org report by
-- program).
create index ix_enrollment_program_start on enrollment (program_id, start_date);
