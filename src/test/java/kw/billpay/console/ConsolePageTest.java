package kw.billpay.console;

import kw.billpay.support.GatewayIntegrationTest;
import org.junit.jupiter.api.AfterAll;

/**
 * What the console's browser tests share: one headless Chromium per test class, started on first use against the
 * running gateway and closed after the class.
 */
abstract class ConsolePageTest extends GatewayIntegrationTest {

    private static ConsoleBrowser browser;

    ConsoleBrowser browser() {
        if (browser == null) {
            browser = ConsoleBrowser.start(port);
        }
        return browser;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
