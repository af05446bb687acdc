-- Calendar feeds (issue #14). Anything that leaves the service (a calendar event, later a reminder) must not
-- say that its reader is a patient of a substance-use program (42 CFR Part 2, HIPAA): a program's contact
-- wording is neutral unless its coordinators choose otherwise. Runs unchanged on H2 2.x and PostgreSQL.
alter table program add column contact_title varchar(80) default 'Appointment' not null;
alter table program add column contact_clinic_name varchar(120);
alter table program add constraint ck_program_contact_title check (length(trim(contact_title)) between 1 and 80);
-- null shows no clinic name; a blank one would be a name that says nothing
alter table program add constraint ck_program_contact_clinic_name check (contact_clinic_name is null
    or length(trim(contact_clinic_name)) between 1 and 120);

-- One active feed per account. Only the SHA-256 of its secret token (64 hex digits) is kept: a leaked backup
-- gives no working feed address. Rotating replaces the hash; revoking deletes the row.
create table calendar_feed (
    account_id  bigint      not null primary key references account (id),
    token_hash  varchar(64) not null,
    created_at  timestamp with time zone not null,
    constraint uk_calendar_feed_token unique (token_hash),
    constraint ck_calendar_feed_hash check (length(token_hash) = 64)
);
