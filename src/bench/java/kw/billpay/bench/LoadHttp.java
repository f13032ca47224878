package kw.billpay.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The benchmarks' HTTP client: Apache HttpClient's classic API, which sends and reads each exchange on the calling
 * thread over a kept-alive connection. The JDK client passes every exchange through its selector thread and back;
 * measured in PostingBenchmark, that cost the driver 0.25-0.49 ms of CPU per request against 0.10-0.15 ms, taken from
 * the same 2 cores as the gateway it measures. Cookies, redirects and retries are off: every request is what it says,
 * and a redirect (KNET's Pay answers 302) is an answer like any other.
 */
final class LoadHttp {

    private LoadHttp() {
    }

    /** An HTTP answer, read whole. */
    record Answer(int status, String body) { }

    /** A client of up to {@code connections} kept-alive connections; {@code timeout} bounds the connect and each read. */
    static CloseableHttpClient client(int connections, Duration timeout) {
        Timeout limit = Timeout.of(timeout);
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections).setMaxConnPerRoute(connections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
                        .build())
                .disableCookieManagement().disableRedirectHandling().disableAutomaticRetries().disableContentCompression()
                .build();
    }

    static Answer send(CloseableHttpClient client, ClassicHttpRequest request) throws IOException {
        return client.execute(request, response -> new Answer(response.getCode(),
                response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
    }
}
