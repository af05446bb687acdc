-- Each rule SQL needs, in one named definition (issue #11, item 2). Runs unchanged on H2 2.x and
-- PostgreSQL. The Java rules are the owners; the equivalence tests (ExpectedAttendanceEquivalenceTest,
-- EnrollmentLastDayEquivalenceTest) keep these views saying the same on varied data.

-- An enrollment's last day: the earlier of its planned end and its discharge; null while it runs
-- on with neither (Enrollment.lastDay).
create view enrollment_last_day as
select e.id as enrollment_id,
       case when e.discharge_date is not null and (e.end_date is null or e.discharge_date < e.end_date)
            then e.discharge_date else e.end_date end as last_day
from enrollment e;

-- Who is expected at a session (Enrollment.expects): one row per dated session and enrollment
-- expected at it. A block session on a date the enrollment covers (start to last day) with the
-- block in the plan on that date, or a make-up naming the participant in the same program on a
-- date the enrollment covers. Cancelled sessions are included: whether they count is the
-- caller's rule (the dose leaves them out). Filter on its own columns (program_id,
-- participant_id, session_date) so both databases push the filter into each branch.
create view expected_attendance as
select e.id as enrollment_id, e.participant_id, e.program_id, s.id as session_id, s.session_date,
       s.start_time, s.duration_minutes, s.status
from enrollment e
join enrollment_plan_block b on b.enrollment_id = e.id
join dated_session s on s.block_id = b.block_id and s.program_id = e.program_id
where s.session_date >= e.start_date
  and (e.end_date is null or s.session_date <= e.end_date)
  and (e.discharge_date is null or s.session_date <= e.discharge_date)
  and s.session_date >= b.valid_from and (b.valid_to is null or s.session_date < b.valid_to)
union all
select e.id as enrollment_id, e.participant_id, e.program_id, s.id as session_id, s.session_date,
       s.start_time, s.duration_minutes, s.status
from make_up_participant mp
join dated_session s on s.id = mp.session_id
join enrollment e on e.participant_id = mp.participant_id and e.program_id = s.program_id
where s.block_id is null
  and s.session_date >= e.start_date
  and (e.end_date is null or s.session_date <= e.end_date)
  and (e.discharge_date is null or s.session_date <= e.discharge_date);
