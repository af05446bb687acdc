package org.iopscheduler.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The running service on a random port, driven by Debian's headless Chromium. All browser
 * tests share one application (one context, one in-memory database); each builds its own
 * program, staff and participants, so they do not see each other's data. The clock stands
 * still on Wednesday 4 November 2026, 18:30 in New York: Monday's and Wednesday's 18:00
 * sessions have started, Thursday's have not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "iop.demo-data=false", "iop.bootstrap-coordinator=" })
@Import({ BrowserTestBase.StillClock.class, PageFixtures.class })
abstract class BrowserTestBase {

	static final Instant NOW = Instant.parse("2026-11-04T23:30:00Z");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final Dimension DESKTOP = new Dimension(1440, 1000);

	static final Dimension PHONE = new Dimension(375, 812);

	static ChromeDriver browser;

	static WebDriverWait wait;

	@LocalServerPort
	int port;

	@Autowired
	PageFixtures fixtures;

	@TestConfiguration(proxyBeanMethods = false)
	static class StillClock {

		@Bean
		@Primary
		Clock stillClock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

	@BeforeAll
	static void startBrowser() throws IOException {
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--lang=en-US", "--force-device-scale-factor=1",
				"--user-data-dir=" + Files.createTempDirectory("iop-chromium").toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		wait = new WebDriverWait(browser, Duration.ofSeconds(10));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

	@BeforeEach
	void freshBrowserSession() {
		browser.manage().window().setSize(DESKTOP);
		browser.manage().deleteAllCookies();
	}

	// ---- navigation
	// ---------------------------------------------------------------------------

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void open(String path) {
		browser.get(url(path));
		checkAccessibility();
	}

	void signIn(String username) {
		open("/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(PageFixtures.PASSWORD);
		browser.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		checkAccessibility();
	}

	void signOut() {
		browser.findElement(By.cssSelector("form.sign-out button")).click();
		wait.until(ExpectedConditions.urlContains("/login?logout"));
	}

	/**
	 * Clicks a submit button and waits until the page it leads to has replaced this one.
	 */
	void submit(WebElement button) {
		WebElement html = browser.findElement(By.tagName("html"));
		scrollIntoView(button);
		button.click();
		wait.until(driver -> isGone(html));
		checkAccessibility();
	}

	/**
	 * Whether the element left the page. Chrome answers a node of a document it has just
	 * replaced either as stale or, mid-navigation, as "does not belong to the document":
	 * both mean gone.
	 */
	static boolean isGone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (org.openqa.selenium.StaleElementReferenceException stale) {
			return true;
		}
		catch (org.openqa.selenium.WebDriverException replaced) {
			if (String.valueOf(replaced.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw replaced;
		}
	}

	/**
	 * Scrolls the element to the middle of the screen, as a person would, clear of sticky
	 * bars, and clicks.
	 */
	void click(WebElement element) {
		scrollIntoView(element);
		element.click();
		checkAccessibility();
	}

	private static void scrollIntoView(WebElement element) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
	}

	/**
	 * What the server answers to this browser's session (its cookie) for a request the
	 * page itself would never make: the status a guessed URL or a forged form really
	 * gets.
	 */
	HttpResponse<String> asThisBrowser(String method, String path) {
		String cookies = browser.manage()
			.getCookies()
			.stream()
			.map(c -> c.getName() + "=" + c.getValue())
			.collect(java.util.stream.Collectors.joining("; "));
		HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
			.header("Cookie", cookies)
			.header("Accept", "text/html")
			.method(method,
					method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
							: HttpRequest.BodyPublishers.ofString("name=Forged"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	// ---- forms
	// --------------------------------------------------------------------------------

	void type(String id, String text) {
		WebElement input = browser.findElement(By.id(id));
		input.clear();
		input.sendKeys(text);
	}

	/**
	 * Date, time and week inputs take their value the way a picker gives it; typing into
	 * them depends on the browser's locale.
	 */
	void pick(String id, String value) {
		WebElement input = browser.findElement(By.id(id));
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
				+ "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
				+ "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
	}

	void choose(String id, String visibleText) {
		new Select(browser.findElement(By.id(id))).selectByVisibleText(visibleText);
	}

	String text(String css) {
		return browser.findElement(By.cssSelector(css)).getText();
	}

	String pageText() {
		return browser.findElement(By.tagName("body")).getText();
	}

	// ---- accessibility and phones
	// -------------------------------------------------------------

	/**
	 * Runs axe-core on the page as it is now, once it has loaded and htmx has settled,
	 * and fails on any violation of impact serious or critical, naming the rule, the page
	 * and the elements. The helpers above call it after every load, submit and click;
	 * call it yourself after a change they do not make (a typed value that htmx answers).
	 */
	void checkAccessibility() {
		settle();
		Results results = new AxeBuilder().analyze(browser);
		if (results.isErrored()) {
			throw new AssertionError(
					"axe-core could not check " + browser.getCurrentUrl() + ": " + results.getErrorMessage());
		}
		List<String> faults = results.getViolations()
			.stream()
			.filter(rule -> SERIOUS.contains(rule.getImpact()))
			.map(rule -> rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + ") on "
					+ rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
			.toList();
		if (!faults.isEmpty()) {
			throw new AssertionError("Accessibility faults on " + browser.getCurrentUrl() + " (" + browser.getTitle()
					+ "):\n  " + String.join("\n  ", faults));
		}
	}

	/**
	 * Waits until an in-page update (an htmx swap: the plan meter, the participant
	 * picker, what a block change replaces) shows the text, then checks the page as
	 * updated: a swap can bring faults the loaded page did not have.
	 */
	void awaitUpdate(String id, String text) {
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
		checkAccessibility();
	}

	private static final Set<String> SERIOUS = Set.of("serious", "critical");

	/** Waits until the document has loaded and no htmx request or swap is under way. */
	private static void settle() {
		wait.until(driver -> Boolean.TRUE
			.equals(((JavascriptExecutor) driver).executeScript("return document.readyState === 'complete'"
					+ " && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')")));
	}

	/**
	 * Checks the page as it is now on a 375 px wide phone: nothing wider than the screen
	 * (no sideways scrolling), every visible link, button, select and checkbox or radio
	 * (by its label, which is what a thumb taps) at least 44 px high and 44 px wide, and
	 * axe-core finds nothing serious at that width either (the phone layout has its own
	 * colours and hidden parts). The window returns to its size afterwards.
	 */
	void checkFitsPhone() {
		Dimension window = browser.manage().window().getSize();
		try {
			browser.manage().window().setSize(PHONE);
			settle();
			JavascriptExecutor js = browser;
			Number viewport = (Number) js.executeScript("return window.innerWidth");
			Number content = (Number) js.executeScript("return document.scrollingElement.scrollWidth");
			if (content.intValue() > PHONE.getWidth() || viewport.intValue() > PHONE.getWidth()) {
				throw new AssertionError(
						browser.getCurrentUrl() + " is " + content + " px wide on a " + PHONE.getWidth()
								+ " px phone (viewport " + viewport + " px): " + js.executeScript(WIDER_THAN_SCREEN));
			}
			@SuppressWarnings("unchecked")
			List<String> small = (List<String>) js.executeScript(SMALL_TAP_TARGETS);
			if (!small.isEmpty()) {
				throw new AssertionError(
						"Tap targets under 44 px on " + browser.getCurrentUrl() + ":\n  " + String.join("\n  ", small));
			}
			checkAccessibility();
		}
		finally {
			browser.manage().window().setSize(window);
		}
	}

	private static final String DESCRIBE = "function describe(e) { return e.tagName.toLowerCase()"
			+ " + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string'"
			+ " ? '.' + e.className.trim().split(/\\s+/).join('.') : '')"
			+ " + ' \"' + (e.innerText || e.value || '').trim().slice(0, 40) + '\"'; }";

	private static final String WIDER_THAN_SCREEN = DESCRIBE + "return Array.from(document.querySelectorAll('body *'))"
			+ ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)"
			+ ".slice(0, 10).map(e => describe(e) + ' right edge ' + Math.round(e.getBoundingClientRect().right));";

	private static final String SMALL_TAP_TARGETS = DESCRIBE
			// a checkbox or radio is tapped through its label (the sheet hides the radio
			// itself)
			+ "const choice = i => i.closest('label') || (i.id && document.querySelector('label[for=\"' + CSS.escape(i.id) + '\"]')) || i;"
			+ "const targets = new Set(Array.from(document.querySelectorAll('a, button, input[type=submit], select')));"
			+ "document.querySelectorAll('input[type=checkbox], input[type=radio]').forEach(i => targets.add(choice(i)));"
			+ "return Array.from(targets)"
			// off-screen until focused (the skip link) is not a target for a thumb
			+ ".filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')"
			+ ".filter(e => e.getBoundingClientRect().right > 0 && e.getBoundingClientRect().bottom > 0)"
			+ ".filter(e => e.getBoundingClientRect().height < 43.5 || e.getBoundingClientRect().width < 43.5)"
			+ ".map(e => describe(e) + ' ' + Math.round(e.getBoundingClientRect().width) + ' x '"
			+ " + Math.round(e.getBoundingClientRect().height) + ' px');";

	// ---- screenshots
	// --------------------------------------------------------------------------

	/** The whole page, not just the window, for review under target/screenshots. */
	void screenshot(String name) {
		Dimension window = browser.manage().window().getSize();
		Number height = (Number) ((JavascriptExecutor) browser)
			.executeScript("return Math.ceil(document.documentElement.scrollHeight)");
		try {
			browser.manage()
				.window()
				.setSize(new Dimension(window.getWidth(),
						Math.max(window.getHeight(), Math.min(height.intValue() + 20, 6000))));
			byte[] png = browser.getScreenshotAs(OutputType.BYTES);
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"), png);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			browser.manage().window().setSize(window);
		}
	}

}
