-- Session horizons: which days of a program's calendar have had their dated sessions made, and under
-- which version of the calendar. A read request whose days lie inside the horizon, made under the
-- program's current calendar_version, needs no calendar work. Every change to what a program's calendar
-- makes (a block created, changed from a date or ended, a closure added or removed) adds 1 to
-- program.calendar_version in its own transaction, so older horizons no longer count.
-- calendar_version is not mapped in the Program entity: a JPA save of the program never writes it back.
alter table program add column calendar_version bigint default 0 not null;

create table session_horizon (
    program_id        bigint  not null,
    calendar_version  bigint  not null,
    made_from         date    not null,
    made_to           date    not null,
    constraint pk_session_horizon primary key (program_id),
    constraint fk_horizon_program foreign key (program_id) references program (id),
    constraint ck_horizon_range check (made_from <= made_to)
);
