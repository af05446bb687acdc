package org.iopscheduler.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iopscheduler.support.Api;
import org.iopscheduler.support.ApplicationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReminderSettingsTest extends ApplicationTest {

	private String settings(long programId) {
		return "/api/programs/" + programId + "/reminder-settings";
	}

	private static Object change(Object leads, String from, String until) {
		return Api.body("enabled", true, "leadMinutes", leads, "quietHours", Api.body("from", from, "until", until));
	}

	@Test
	void aProgramRemindsADayAndTwoHoursBeforeOutsideTheNightUntilChanged() {
		long programId = program("ADULT", "America/New_York");
		Api.Reply reply = coordinator.get(settings(programId));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("enabled").asBoolean()).isTrue();
		assertThat(reply.json().get("leadMinutes").toString()).isEqualTo("[1440,120]");
		assertThat(reply.json().get("quietHours").get("from").asString()).startsWith("21:00");
		assertThat(reply.json().get("quietHours").get("until").asString()).startsWith("08:00");
	}

	@Test
	void aCoordinatorChangesTheLeadTimesAndQuietHours() {
		long programId = program("ADULT", "Europe/Berlin");
		Api.Reply reply = coordinator.put(settings(programId), change(List.of(180, 2880), "22:00", "07:30"));
		assertThat(reply.status()).isEqualTo(200);
		Api.Reply read = coordinator.get(settings(programId));
		assertThat(read.json().get("leadMinutes").toString()).isEqualTo("[2880,180]");
		assertThat(read.json().get("quietHours").get("until").asString()).startsWith("07:30");
	}

	@Nested
	class Refused {

		@Test
		void aLeadTimeShorterThanAQuarterOfAnHourIsRefused() {
			long programId = program("ADULT", "America/New_York");
			Api.Reply reply = coordinator.put(settings(programId), change(List.of(10), "21:00", "08:00"));
			assertThat(reply.status()).isEqualTo(422);
			assertThat(reply.body()).contains("reminder.lead-range").contains("leadMinutes");
			assertThat(coordinator.get(settings(programId)).json().get("leadMinutes").toString())
				.isEqualTo("[1440,120]");
		}

		@Test
		void aLeadTimeLongerThanAWeekIsRefused() {
			long programId = program("ADULT", "America/New_York");
			assertThat(coordinator.put(settings(programId), change(List.of(10081), "21:00", "08:00")).body())
				.contains("reminder.lead-range");
		}

		@Test
		void moreThanThreeLeadTimesAreRefused() {
			long programId = program("ADULT", "America/New_York");
			assertThat(
					coordinator.put(settings(programId), change(List.of(60, 120, 180, 240), "21:00", "08:00")).status())
				.isEqualTo(400);
		}

		@Test
		void quietHoursOfNoLengthAreRefused() {
			long programId = program("ADULT", "America/New_York");
			Api.Reply reply = coordinator.put(settings(programId), change(List.of(60), "21:00", "21:00"));
			assertThat(reply.status()).isEqualTo(422);
			assertThat(reply.body()).contains("reminder.quiet-hours");
		}

		@Test
		void aCounselorReadsButDoesNotChangeThem() {
			long programId = program("ADULT", "America/New_York");
			Person counselor = counselor();
			assertThat(counselor.api().get(settings(programId)).status()).isEqualTo(200);
			assertThat(counselor.api().put(settings(programId), change(List.of(60), "21:00", "08:00")).status())
				.isEqualTo(403);
		}

		@Test
		void anUnknownProgramIsNotFound() {
			assertThat(coordinator.get(settings(987654321)).status()).isEqualTo(404);
		}

	}

}
