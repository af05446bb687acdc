-- The floor of the organisation-wide dose report: one hand-written statement that counts, per
-- enrollment for one ISO week, what GET /api/dosage?week=... returns (scheduled, attended and
-- unmarked sessions, days attended, days of three hours). The rules are not spelled out again
-- here: who is expected where is the view expected_attendance, the last day the view
-- enrollment_last_day, the three-hour day a parameter, and the status is decided by the one
-- Java rule (WeeklyDose) from the numbers this returns.
-- H2: the previous floor (the views as they are). The lean form of org-dose-floor.sql, run on H2 as
-- CTEs, took 11.8 s for 600 participants (H2 evaluates a CTE again where it is used); a lean H2 form
-- (derived tables) is still to be tried. org.iopscheduler.bench.OrgDoseFloor picks the file by database.
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
select e.program_id, e.participant_id, e.id as enrollment_id,
       coalesce(w.scheduled_minutes, 0) as scheduled_minutes,
       coalesce(w.attended_minutes, 0) as attended_minutes,
       coalesce(w.unmarked_sessions, 0) as unmarked_sessions,
       coalesce(w.still_to_come, 0) as still_to_come,
       p.minimum_weekly_minutes,
       coalesce(w.days_attended, 0) as days_attended,
       coalesce(w.days_of_three_hours, 0) as days_of_three_hours,
       e.start_date, l.last_day, p.time_zone
from enrollment e
join enrollment_last_day l on l.enrollment_id = e.id
join program p on p.id = e.program_id
left join (
    select d.enrollment_id,
           sum(d.scheduled_minutes) as scheduled_minutes,
           sum(d.attended_minutes) as attended_minutes,
           sum(d.unmarked_sessions) as unmarked_sessions,
           sum(d.still_to_come) as still_to_come,
           sum(case when d.attended_minutes > 0 then 1 else 0 end) as days_attended,
           sum(case when d.attended_minutes >= :threeHours then 1 else 0 end) as days_of_three_hours
    from (
        select x.enrollment_id, x.session_date,
               sum(x.duration_minutes) as scheduled_minutes,
               sum(coalesce(m.minutes_attended, 0)) as attended_minutes,
               sum(case when m.id is null and x.started = 1 then 1 else 0 end) as unmarked_sessions,
               sum(case when x.started = 0 then x.duration_minutes else 0 end) as still_to_come
        from (
            select v.enrollment_id, v.participant_id, v.session_id, v.session_date, v.duration_minutes,
                   case when v.session_date < z.now_date
                             or (v.session_date = z.now_date and v.start_time <= z.now_time) then 1 else 0 end as started
            from expected_attendance v
            join program p on p.id = v.program_id
            join (/*zones*/) z (time_zone, now_date, now_time) on z.time_zone = p.time_zone
            where v.session_date between :monday and :sunday and v.status <> 'CANCELLED'
        ) x
        left join attendance_mark m on m.session_id = x.session_id and m.participant_id = x.participant_id
        group by x.enrollment_id, x.session_date
    ) d
    group by d.enrollment_id
) w on w.enrollment_id = e.id
where e.start_date <= :sunday and (l.last_day is null or l.last_day >= :monday)
order by e.program_id, e.participant_id, e.id
