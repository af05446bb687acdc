-- A program's zone is an IANA region id (America/New_York) or UTC, never a fixed offset: an offset never
-- follows daylight saving, so a New York program entered as -05:00 ran an hour off all summer. The service
-- judges every id (ProgramZone); the database refuses the obvious offset spellings: a plus sign anywhere,
-- a minus sign where a region name never has one (-05:00, UTC-05:00, GMT-05:00, UT-03:00, Etc/GMT-3), Z,
-- the JDK's SystemV ids and the fixed-offset abbreviations EST, MST and HST.
--
-- Zero offsets saved before the rule keep UTC all year and become UTC. Any other offset stops this
-- migration (naming ck_program_time_zone_region) until each such program has its region:
--   select id, name, time_zone from program where time_zone like '%+%' or time_zone like '-%'
--     or time_zone like '%T-%' or time_zone like 'Etc/GMT-%' or time_zone in ('EST', 'MST', 'HST');
--   update program set time_zone = 'America/New_York' where id = ...;
update program set time_zone = 'UTC' where time_zone in ('Z', 'UT');

alter table program add constraint ck_program_time_zone_region check (
    time_zone not like '%+%'
    and time_zone not like '-%'
    and time_zone not like 'UTC-%'
    and time_zone not like 'GMT-%'
    and time_zone not like 'UT-%'
    and time_zone not like 'Etc/GMT-%'
    and time_zone not like 'SystemV/%'
    and time_zone not in ('Z', 'UT', 'EST', 'MST', 'HST'));
