package kw.billpay.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The gateway's base URL as KNET and customers' browsers reach it ({@code GATEWAY_PUBLIC_URL}, default
 * {@code http://localhost:<SERVER_PORT>}). With port 0 (a free port, as in tests) the port is known only once the
 * web server has started, and is filled in then.
 */
@Component
public class PublicUrl implements ApplicationListener<WebServerInitializedEvent> {

    private volatile String base;

    public PublicUrl(@Value("${gateway.public-url}") String configured) {
        this.base = strip(configured);
    }

    public String get() {
        return base;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (base.endsWith(":0")) {
            base = base.substring(0, base.length() - 1) + event.getWebServer().getPort();
        }
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
