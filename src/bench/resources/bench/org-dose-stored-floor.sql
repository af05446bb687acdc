-- The second floor of the organisation-wide dose report: a plain read of the week's stored rows
-- (weekly_dose, V11) by the index made for it (ix_weekly_dose_week), every column the report takes
-- from them, and nothing else: no join, no order, no rule. What reading the stored numbers can cost
-- at best; the service also joins the enrollments and programs and applies WeeklyDose to each row.
-- Parameter: :monday  date, the week's Monday (org.iopscheduler.bench.OrgDoseFloor binds it).
select enrollment_id, week_monday, program_id, participant_id, scheduled_minutes, attended_minutes,
       unmarked_sessions, still_to_come, days_attended, days_of_three_hours, last_started, next_start
from weekly_dose
where week_monday = :monday
