package kw.billpay.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Tomcat answers problem+json like the rest of the gateway. An encoded slash ({@code %2F}) is let through so that
 * Spring Security's firewall refuses it like any other malformed URL; what Tomcat itself refuses before the
 * application sees it (a control character in a header, a NUL or invalid UTF-8 in the URL) gets a problem+json 400
 * from {@link ProblemReportValve} instead of Tomcat's HTML page.
 */
@Configuration(proxyBeanMethods = false)
public class TomcatConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashToFirewall() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonFromTomcat() {
        return factory -> factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report for a request it refused itself, as problem+json (the host makes it by class name). */
    public static class ProblemReportValve extends ErrorReportValve {

        private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // an answer the application already wrote (Spring's /error included) is left as it is
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String detail = status == 400
                    ? "The request is not valid HTTP: its URL or a header holds characters that are not allowed, or its framing is broken."
                    : "The request was refused: " + (known != null ? known.getReasonPhrase() : String.valueOf(status));
            try {
                String body = JSON.writeValueAsString(ProblemHandler.problem(HttpStatus.valueOf(status),
                        ProblemHandler.codeFor(HttpStatus.valueOf(status)), detail).getBody());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                // no body then: the status says it
            } catch (IOException e) {
                // the client has gone
            }
        }
    }
}
