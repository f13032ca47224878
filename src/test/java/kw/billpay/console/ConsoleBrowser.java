package kw.billpay.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Selenium, with what every console page must pass: no full card number
 * anywhere in its source, no serious or critical accessibility violation (axe-core), and a screenshot for review.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    /** 12 or more digits in a row: a card number. Ids (UUIDs) are taken out first, they are not card numbers. */
    private static final Pattern CARD_NUMBER = Pattern.compile("[0-9]{12,}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String AXE = "/axe/axe-4.14.1.min.js";

    final WebDriver driver;
    final String base;
    private final Path profile;

    private ConsoleBrowser(WebDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** Fails (never skips) when Chromium or its driver is missing, saying how to install them. */
    static ConsoleBrowser start(int port) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("The console's browser tests need Debian's headless Chromium and its driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "). Install them with: apt-get install -y chromium chromium-driver");
        }
        try {
            Path profile = Files.createTempDirectory("console-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            // window.print() would wait on a dialog no one closes: counted instead, on every page the browser opens
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "window.print = function () { window.__prints = (window.__prints || 0) + 1; };"));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            Files.createDirectories(SCREENSHOTS);
            return new ConsoleBrowser(driver, "http://localhost:" + port, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** The element; or a failure that says which page the browser was on and what it showed, so that a CI log explains. */
    WebElement find(String css) {
        try {
            return driver.findElement(By.cssSelector(css));
        } catch (NoSuchElementException missing) {
            String text = driver.findElements(By.tagName("body")).stream().map(WebElement::getText).findFirst().orElse("");
            throw new AssertionError("No " + css + " on " + driver.getCurrentUrl() + " (\"" + driver.getTitle()
                    + "\"), which shows:\n" + (text.length() > 4000 ? text.substring(0, 2000) + "\n…\n"
                    + text.substring(text.length() - 2000) : text), missing);
        }
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits up to 30 s; an element htmx replaced while it was being read is looked for again, not a failure. */
    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    void login(String user, String password) {
        open("/console/login");
        // the page's autofocus lands on the user name at a rendering step after the load: typed before it, the rest of
        // the password would follow the focus into the user name on a busy machine
        waiting().until(d -> "username".equals(focused()));
        find("#username").sendKeys(user);
        find("#password").sendKeys(password);
        find("button[type=submit].primary").click();
        waiting().until(d -> !d.getCurrentUrl().contains("/console/login"));
    }

    /** The id of the element that has the focus. */
    String focused() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.activeElement && document.activeElement.id;");
    }

    void logout() {
        List<WebElement> logout = all("form[action$='/console/logout'] button");
        if (!logout.isEmpty()) {
            logout.get(0).click();
            waiting().until(d -> d.getCurrentUrl().contains("/console/login"));
        }
    }

    /** Marks the page open now: {@link #stillOn} tells whether it was refreshed in place or loaded again since. */
    String markPage() {
        return (String) ((JavascriptExecutor) driver).executeScript("return (window.__pageId = Math.random().toString());");
    }

    boolean stillOn(String mark) {
        return mark.equals(((JavascriptExecutor) driver).executeScript("return window.__pageId"));
    }

    /** The page's language and direction as its html element states them. */
    String lang() {
        return find("html").getAttribute("lang");
    }

    String dir() {
        return find("html").getAttribute("dir");
    }

    /** Everything each page must pass, then its screenshot as {@code <name>-<lang>.png}. */
    void check(String name) {
        assertNoCardNumber(name);
        assertAccessible(name);
        screenshot(name + "-" + lang());
    }

    void assertNoCardNumber(String name) {
        String source = UUID_TEXT.matcher(driver.getPageSource()).replaceAll("uuid");
        Matcher run = CARD_NUMBER.matcher(source);
        boolean found = run.find();
        assertThat(found).as("page %s shows a 12+ digit run (a full card number?): %s", name, found ? run.group() : "")
                .isFalse();
    }

    /** axe-core on the page as it is: no violation of impact serious or critical. */
    @SuppressWarnings("unchecked")
    void assertAccessible(String name) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource());
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
                   .catch(e => done([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: []}]));""");
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
            if ("serious".equals(violation.get("impact")) || "critical".equals(violation.get("impact"))) {
                serious.add(violation.get("id") + " (" + violation.get("impact") + "): " + violation.get("help")
                        + " at " + violation.get("nodes"));
            }
        }
        assertThat(serious).as("serious or critical accessibility violations on page %s (%s)", name, lang()).isEmpty();
    }

    void screenshot(String name) {
        try {
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        try (InputStream in = ConsoleBrowser.class.getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException(AXE + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
