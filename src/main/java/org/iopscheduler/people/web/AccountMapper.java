package org.iopscheduler.people.web;

import org.iopscheduler.people.Account;
import org.iopscheduler.people.web.AccountRecords.ParticipantView;
import org.iopscheduler.people.web.AccountRecords.StaffView;
import org.mapstruct.Mapper;

@Mapper(componentModel = "spring")
interface AccountMapper {

	StaffView toStaff(Account account);

	ParticipantView toParticipant(Account account);

}
