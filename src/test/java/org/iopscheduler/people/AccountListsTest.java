package org.iopscheduler.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.iopscheduler.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AccountListsTest extends ApplicationTest {

	@Test
	void participantsAreListedAPageAtATimeAndEveryOneAppearsOnExactlyOnePage() {
		List<Long> created = List.of(participant().id(), participant().id(), participant().id());

		List<Long> listed = new ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode items = coordinator.get("/api/participants?size=2&page=" + page).json();
			assertThat(items.size()).isLessThanOrEqualTo(2);
			if (items.isEmpty()) {
				break;
			}
			items.forEach(item -> listed.add(item.get("id").asLong()));
		}

		assertThat(listed).doesNotHaveDuplicates().containsAll(created);
	}

	@Test
	void aListWithoutPageParametersStopsAtTheDefaultPageSize() {
		for (int i = 0; i < 3; i++) {
			counselor();
		}

		assertThat(coordinator.get("/api/staff?size=1").json().size()).isEqualTo(1);
		assertThat(coordinator.get("/api/staff").json().size()).isBetween(4, 100);
	}

	@Test
	void aPageSizeOutsideOneToFiveHundredOrANegativePageIsABadRequestNamingTheParameter() {
		assertThat(coordinator.get("/api/participants?size=501").status()).isEqualTo(400);
		assertThat(coordinator.get("/api/participants?size=501").json().get("detail").asString()).startsWith("size:");
		assertThat(coordinator.get("/api/participants?size=0").status()).isEqualTo(400);
		assertThat(coordinator.get("/api/staff?page=-1").json().get("detail").asString()).startsWith("page:");
		assertThat(coordinator.get("/api/staff?role=PARTICIPANT").json().get("detail").asString()).startsWith("role:");
	}

}
