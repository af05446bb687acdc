-- The floor of the organisation-wide dose report: one hand-written statement that computes, per
-- enrollment for one ISO week, what GET /api/dosage?week=... returns (scheduled, attended and
-- unmarked sessions, days attended, days of three hours, and the status), in SQL only.
-- Runs unchanged on H2 2.3 and PostgreSQL 15; org.iopscheduler.bench.OrgDoseFloor runs it.
--
-- Parameters (named here; the runner turns each :name into a ? and binds it in order):
--   :monday  date, the week's Monday      :sunday  date, the week's Sunday
--   /*zones*/ is replaced by one row per distinct program.time_zone:
--     (cast(? as varchar(64)), cast(? as date), cast(? as time), cast(? as integer))
--     = (zone id, the zone's local date of now, its local time of now (to the second),
--        1 when now >= the week's end (next Monday 00:00) in that zone, else 0)
--   e.g. values ('America/New_York', date '2026-11-25', time '07:00:00', 0), ...
-- Columns: program_id, participant_id, enrollment_id, scheduled_minutes, attended_minutes,
--   unmarked_sessions, status, minimum_weekly_minutes, days_attended, days_of_three_hours;
--   ordered by program_id, participant_id.
select e.program_id, e.participant_id, e.id as enrollment_id,
       coalesce(w.scheduled_minutes, 0) as scheduled_minutes,
       coalesce(w.attended_minutes, 0) as attended_minutes,
       coalesce(w.unmarked_sessions, 0) as unmarked_sessions,
       case when e.start_date > :monday
                 or (e.end_date is not null and e.end_date < :sunday)
                 or (e.discharge_date is not null and e.discharge_date < :sunday) then 'PARTIAL_WEEK'
            when coalesce(w.attended_minutes, 0) >= p.minimum_weekly_minutes then 'MET'
            when z.week_over = 1 then 'UNDER_DOSED'
            when coalesce(w.attended_minutes, 0) + coalesce(w.still_to_come, 0) < p.minimum_weekly_minutes then 'AT_RISK'
            else 'ON_TRACK' end as status,
       p.minimum_weekly_minutes,
       coalesce(w.days_attended, 0) as days_attended,
       coalesce(w.days_of_three_hours, 0) as days_of_three_hours
from enrollment e
join program p on p.id = e.program_id
join (/*zones*/) z (time_zone, now_date, now_time, week_over) on z.time_zone = p.time_zone
left join (
    select d.enrollment_id,
           sum(d.scheduled_minutes) as scheduled_minutes,
           sum(d.attended_minutes) as attended_minutes,
           sum(d.unmarked_sessions) as unmarked_sessions,
           sum(d.still_to_come) as still_to_come,
           sum(case when d.attended_minutes > 0 then 1 else 0 end) as days_attended,
           sum(case when d.attended_minutes >= 180 then 1 else 0 end) as days_of_three_hours
    from (
        select x.enrollment_id, x.session_date,
               sum(x.duration_minutes) as scheduled_minutes,
               sum(coalesce(m.minutes_attended, 0)) as attended_minutes,
               sum(case when m.id is null and x.started = 1 then 1 else 0 end) as unmarked_sessions,
               sum(case when x.started = 0 then x.duration_minutes else 0 end) as still_to_come
        from (
            -- block sessions whose block is in the plan on that date
            select e.id as enrollment_id, e.participant_id, s.id as session_id, s.session_date, s.duration_minutes,
                   case when s.session_date < z.now_date
                             or (s.session_date = z.now_date and s.start_time <= z.now_time) then 1 else 0 end as started
            from enrollment e
            join program p on p.id = e.program_id
            join (/*zones*/) z (time_zone, now_date, now_time, week_over) on z.time_zone = p.time_zone
            join enrollment_plan_block b on b.enrollment_id = e.id
            join dated_session s on s.block_id = b.block_id and s.program_id = e.program_id
            where e.start_date <= :sunday and (e.end_date is null or e.end_date >= :monday)
              and (e.discharge_date is null or e.discharge_date >= :monday)
              and s.session_date between :monday and :sunday and s.status <> 'CANCELLED'
              and s.session_date >= e.start_date and (e.end_date is null or s.session_date <= e.end_date)
              and (e.discharge_date is null or s.session_date <= e.discharge_date)
              and s.session_date >= b.valid_from and (b.valid_to is null or s.session_date < b.valid_to)
            union all
            -- make-up sessions naming the participant, in the same program
            select e.id as enrollment_id, e.participant_id, s.id as session_id, s.session_date, s.duration_minutes,
                   case when s.session_date < z.now_date
                             or (s.session_date = z.now_date and s.start_time <= z.now_time) then 1 else 0 end as started
            from make_up_participant mp
            join dated_session s on s.id = mp.session_id
            join enrollment e on e.participant_id = mp.participant_id and e.program_id = s.program_id
            join program p on p.id = e.program_id
            join (/*zones*/) z (time_zone, now_date, now_time, week_over) on z.time_zone = p.time_zone
            where s.block_id is null and s.session_date between :monday and :sunday and s.status <> 'CANCELLED'
              and e.start_date <= :sunday and (e.end_date is null or e.end_date >= :monday)
              and (e.discharge_date is null or e.discharge_date >= :monday)
              and s.session_date >= e.start_date and (e.end_date is null or s.session_date <= e.end_date)
              and (e.discharge_date is null or s.session_date <= e.discharge_date)
        ) x
        left join attendance_mark m on m.session_id = x.session_id and m.participant_id = x.participant_id
        group by x.enrollment_id, x.session_date
    ) d
    group by d.enrollment_id
) w on w.enrollment_id = e.id
where e.start_date <= :sunday and (e.end_date is null or e.end_date >= :monday)
  and (e.discharge_date is null or e.discharge_date >= :monday)
order by e.program_id, e.participant_id, e.id
