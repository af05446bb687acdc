-- When a program's reminders go out (issue #14): the lead times before each session and the quiet
-- hours of the night, in the program's zone. A program without a row has the defaults
-- (ReminderSettings.DEFAULT_LEADS, QuietHours.DEFAULT).
create table reminder_settings (
  program_id bigint primary key,
  enabled boolean not null,
  quiet_from time not null,
  quiet_until time not null,
  version bigint not null default 0,
  constraint reminder_settings_program_fk foreign key (program_id) references program (id),
  constraint reminder_quiet_hours_differ check (quiet_from <> quiet_until)
);

create table reminder_lead (
  program_id bigint not null,
  lead_minutes int not null,
  constraint reminder_lead_pk primary key (program_id, lead_minutes),
  constraint reminder_lead_settings_fk foreign key (program_id) references reminder_settings (program_id),
  -- at least a quarter of an hour before, at most a week
  constraint reminder_lead_range check (lead_minutes between 15 and 10080)
);
