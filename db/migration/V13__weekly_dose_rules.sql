-- The stored weekly dose's own rules, held by the database too (issue #13): a row that breaks them
-- is a bug in whoever wrote it, refused here whatever path wrote it. Only what WeeklyDose.Totals
-- always satisfies: no negative count, no more attended or still-to-come minutes than scheduled
-- (a mark counts at most its session's minutes), at most 7 days a week and no more days of three
-- hours than days attended, the week named by its Monday, and the counted instant between the last
-- start and the next (a null bound passes). Runs unchanged on H2 2.x and PostgreSQL (isodow: 1 = Monday).
alter table weekly_dose add constraint ck_weekly_dose_not_negative check (scheduled_minutes >= 0
    and attended_minutes >= 0 and unmarked_sessions >= 0 and still_to_come >= 0 and days_of_three_hours >= 0);
alter table weekly_dose add constraint ck_weekly_dose_attended check (attended_minutes <= scheduled_minutes);
alter table weekly_dose add constraint ck_weekly_dose_still_to_come check (still_to_come <= scheduled_minutes);
alter table weekly_dose add constraint ck_weekly_dose_days check (days_of_three_hours <= days_attended
    and days_attended <= 7);
alter table weekly_dose add constraint ck_weekly_dose_monday check (extract(isodow from week_monday) = 1);
alter table weekly_dose add constraint ck_weekly_dose_span check (last_started < next_start);

-- The rows whose next session has started, for the clock's advance (dose/StoredDoseClock).
create index ix_weekly_dose_next_start on weekly_dose (next_start);
