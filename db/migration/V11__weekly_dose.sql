-- The weekly dose, stored (issue #13): one row per enrollment and ISO week with sessions, kept by
-- dose/StoredDoses in the same transaction as every change it is counted from (marks, cancellations,
-- reinstatements, closures and their undo, block changes, plan changes and their undo, discharges,
-- make-ups, sessions made). Rows are counted at an instant: last_started and next_start (the
-- program's local wall time) bound the moments at which the clock-dependent numbers
-- (unmarked_sessions, still_to_come) are still those of the row; outside them a read counts the row
-- again from the raw tables. Filled for existing data by V12. Runs unchanged on H2 2.x and PostgreSQL.
create table weekly_dose (
    enrollment_id        bigint    not null references enrollment (id),
    week_monday          date      not null,
    program_id           bigint    not null references program (id),
    participant_id       bigint    not null references account (id),
    scheduled_minutes    integer   not null,
    attended_minutes     integer   not null,
    unmarked_sessions    integer   not null,
    still_to_come        integer   not null,
    days_attended        integer   not null,
    days_of_three_hours  integer   not null,
    -- the latest start among the week's sessions started when counted, and the earliest not yet
    -- started (local date and time in the program's zone); null when there is none
    last_started         timestamp,
    next_start           timestamp,
    constraint pk_weekly_dose primary key (enrollment_id, week_monday)
);

-- A program's week (the program report, the organisation report by program).
create index ix_weekly_dose_program_week on weekly_dose (program_id, week_monday);

-- A participant's weeks (their own page and schedule's dose).
create index ix_weekly_dose_participant on weekly_dose (participant_id, week_monday);

-- Every program's week (the organisation report).
create index ix_weekly_dose_week on weekly_dose (week_monday, program_id);
