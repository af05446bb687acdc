-- The floor of the organisation-wide dose report: the best statement we could write that counts, per
-- enrollment for one ISO week, what GET /api/dosage?week=... returns (scheduled, attended and
-- unmarked sessions, minutes still to come, days attended, days of three hours), from the raw tables.
-- The lean way: the week's sessions first (a few thousand of 60,000), the enrollments expected at them
-- through their plan blocks (and make-ups through make_up_participant), the week's marks alone, read
-- once through the sessions and joined by hash, then the sums per day and per week. It restates the
-- joins of the views expected_attendance and enrollment_last_day (V8) in the order that is fastest for
-- one week of every program; OrganisationDoseTest keeps it giving the report's rows and numbers, and
-- scripts/bench.sh checks its sums against the service's answer on the benchmark's data. The status
-- is decided by the one Java rule (WeeklyDose) from the numbers this returns.
-- PostgreSQL (the marks' step is "materialized": inlined, the planner looks each expected row's
-- marks up by participant, 70,000 index scans); H2 takes org-dose-floor-h2.sql, the previous
-- floor (H2 evaluates CTEs again where they are used). OrgDoseFloor picks the file by database.
--
-- Parameters (named here; the runner turns each :name into a ? and binds it in order):
--   :monday  date, the week's Monday      :sunday  date, the week's Sunday
--   :threeHours  integer, the minutes of a three-hour day (WeeklyDose.THREE_HOURS)
--   /*zones*/ is replaced by one row per distinct program.time_zone:
--     (cast(? as varchar(64)), cast(? as date), cast(? as time))
--     = (zone id, the zone's local date of now, its local time of now (to the second))
--   e.g. values ('America/New_York', date '2026-11-25', time '07:00:00'), ...
-- Columns: program_id, participant_id, enrollment_id, scheduled_minutes, attended_minutes,
--   unmarked_sessions, still_to_come, minimum_weekly_minutes, days_attended, days_of_three_hours,
--   start_date, last_day, time_zone; ordered by program_id, participant_id.
with week_session as (
    select s.id, s.program_id, s.block_id, s.session_date, s.duration_minutes,
           case when s.session_date < z.now_date
                     or (s.session_date = z.now_date and s.start_time <= z.now_time) then 1 else 0 end as started
    from program p
    join dated_session s on s.program_id = p.id
    join (/*zones*/) z (time_zone, now_date, now_time) on z.time_zone = p.time_zone
    where s.session_date between :monday and :sunday and s.status <> 'CANCELLED'
), expected as (
    select b.enrollment_id, s.id as session_id, s.program_id, s.session_date, s.duration_minutes, s.started
    from week_session s
    join enrollment_plan_block b on b.block_id = s.block_id
    where s.session_date >= b.valid_from and (b.valid_to is null or s.session_date < b.valid_to)
    union all
    select e.id, s.id, s.program_id, s.session_date, s.duration_minutes, s.started
    from week_session s
    join make_up_participant mp on mp.session_id = s.id
    join enrollment e on e.participant_id = mp.participant_id and e.program_id = s.program_id
    where s.block_id is null
), mark as materialized (
    select m.session_id, m.participant_id, m.minutes_attended
    from week_session s
    join attendance_mark m on m.session_id = s.id
), enrollment_day as (
    select e.id as enrollment_id, x.session_date,
           sum(x.duration_minutes) as scheduled_minutes,
           sum(coalesce(m.minutes_attended, 0)) as attended_minutes,
           sum(case when m.session_id is null and x.started = 1 then 1 else 0 end) as unmarked_sessions,
           sum(case when x.started = 0 then x.duration_minutes else 0 end) as still_to_come
    from expected x
    join enrollment e on e.id = x.enrollment_id and e.program_id = x.program_id
    left join mark m on m.session_id = x.session_id and m.participant_id = e.participant_id
    where x.session_date >= e.start_date
      and (e.end_date is null or x.session_date <= e.end_date)
      and (e.discharge_date is null or x.session_date <= e.discharge_date)
    group by e.id, x.session_date
)
select e.program_id, e.participant_id, e.id as enrollment_id,
       coalesce(w.scheduled_minutes, 0) as scheduled_minutes,
       coalesce(w.attended_minutes, 0) as attended_minutes,
       coalesce(w.unmarked_sessions, 0) as unmarked_sessions,
       coalesce(w.still_to_come, 0) as still_to_come,
       p.minimum_weekly_minutes,
       coalesce(w.days_attended, 0) as days_attended,
       coalesce(w.days_of_three_hours, 0) as days_of_three_hours,
       e.start_date, e.last_day, p.time_zone
from (
    select e.*, case when e.discharge_date is not null and (e.end_date is null or e.discharge_date < e.end_date)
                     then e.discharge_date else e.end_date end as last_day
    from enrollment e
) e
join program p on p.id = e.program_id
left join (
    select d.enrollment_id,
           sum(d.scheduled_minutes) as scheduled_minutes,
           sum(d.attended_minutes) as attended_minutes,
           sum(d.unmarked_sessions) as unmarked_sessions,
           sum(d.still_to_come) as still_to_come,
           sum(case when d.attended_minutes > 0 then 1 else 0 end) as days_attended,
           sum(case when d.attended_minutes >= :threeHours then 1 else 0 end) as days_of_three_hours
    from enrollment_day d
    group by d.enrollment_id
) w on w.enrollment_id = e.id
where e.start_date <= :sunday and (e.last_day is null or e.last_day >= :monday)
order by e.program_id, e.participant_id, e.id
