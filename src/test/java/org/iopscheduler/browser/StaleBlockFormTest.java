package org.iopscheduler.browser;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

import org.iopscheduler.browser.PageFixtures.Evening;
import org.iopscheduler.calendar.BlockChange;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A coordinator's block form carries the block's version; posted after somebody else
 * changed the block, it saves nothing and shows the newer values.
 */
@SpringBootTest(properties = { "iop.demo-data=false", "iop.bootstrap-coordinator=" })
@AutoConfigureMockMvc
@Import({ BrowserTestBase.StillClock.class, PageFixtures.class })
class StaleBlockFormTest {

	private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"([^\"]*)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	PageFixtures fixtures;

	@Autowired
	Blocks blocks;

	@Test
	void aStaleBlockFormShowsTheNewerValuesAndOverwritesNothing() throws Exception {
		Account coordinator = fixtures.coordinator("Stale Coordinator");
		Account counselor = fixtures.counselor("Stale Counselor");
		Evening evening = fixtures.evening("Stale IOP", counselor);
		long block = evening.monday().getId();
		LocalDate from = PageFixtures.MONDAY.plusWeeks(1);
		String loaded = versionOnForm(block, coordinator);

		// somebody else moves the block to Room 9 meanwhile
		blocks.change(block, new BlockChange(from, null, null, null, null, "Room 9", null, null, null));

		mvc.perform(change(block, coordinator, from, "Room 5", loaded))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Someone changed this block while you were editing it")))
			.andExpect(content().string(containsString("value=\"Room 9\"")))
			.andExpect(content().string(not(containsString("value=\"Room 5\""))));
		assertThat(blocks.get(block).versionOn(from).orElseThrow().getLocation()).isEqualTo("Room 9");
	}

	@Test
	void aBlockFormPostedOnTheCurrentVersionSaves() throws Exception {
		Account coordinator = fixtures.coordinator("Fresh Coordinator");
		Account counselor = fixtures.counselor("Fresh Counselor");
		Evening evening = fixtures.evening("Fresh IOP", counselor);
		long block = evening.monday().getId();
		LocalDate from = PageFixtures.MONDAY.plusWeeks(1);

		mvc.perform(change(block, coordinator, from, "Room 5", versionOnForm(block, coordinator)))
			.andExpect(status().is3xxRedirection());
		assertThat(blocks.get(block).versionOn(from).orElseThrow().getLocation()).isEqualTo("Room 5");
	}

	private String versionOnForm(long block, Account coordinator) throws Exception {
		String page = mvc.perform(get("/blocks/" + block + "/edit").with(user(SignedIn.of(coordinator, false))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher m = VERSION.matcher(page);
		assertThat(m.find()).as("the form carries the block's version").isTrue();
		return HtmlUtils.htmlUnescape(m.group(1));
	}

	private static MockHttpServletRequestBuilder change(long block, Account coordinator, LocalDate from,
			String location, String version) {
		return post("/blocks/" + block).with(user(SignedIn.of(coordinator, false)))
			.with(csrf())
			.param("title", "Process group")
			.param("dayOfWeek", "MONDAY")
			.param("startTime", "18:00")
			.param("durationMinutes", "180")
			.param("counselorId", String.valueOf(coordinator.getId()))
			.param("location", location)
			.param("effectiveFrom", from.toString())
			.param("version", version);
	}

}
