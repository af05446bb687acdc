package org.iopscheduler.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.iopscheduler.audit.Actor;

/** The signed-in account is the actor the audit log names. */
class SignedInTest {

	static SignedIn as(Role role) {
		return new SignedIn(7, "someone", "Some One", role, "{noop}secret", false, false);
	}

	@Test
	void theAuditLogNamesTheAccountAndItsRole() {
		Actor counselor = as(Role.COUNSELOR);
		assertThat(counselor.id()).isEqualTo(7);
		assertThat(counselor.roleName()).isEqualTo("COUNSELOR");
		assertThat(as(Role.COORDINATOR).roleName()).isEqualTo("COORDINATOR");
		assertThat(as(Role.PARTICIPANT).roleName()).isEqualTo("PARTICIPANT");
	}

	@Test
	void onlyAParticipantIsTheParticipantOfTheirOwnReads() {
		assertThat(as(Role.PARTICIPANT).participant()).isTrue();
		assertThat(as(Role.COUNSELOR).participant()).isFalse();
		assertThat(as(Role.COORDINATOR).participant()).isFalse();
	}

}
