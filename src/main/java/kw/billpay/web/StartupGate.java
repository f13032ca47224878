package kw.billpay.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lombok.RequiredArgsConstructor;
import org.apache.camel.CamelContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Boot opens the HTTP port before the Camel routes have started; until they have (and while they stop), a
 * request is answered 503 with Retry-After instead of failing half-way. Health stays reachable: it reports DOWN then.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor
class StartupGate extends OncePerRequestFilter {

    private final CamelContext camel;
    private final ObjectMapper json;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (camel.isStarted() || request.getRequestURI().startsWith("/actuator/health")) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", "1");
        ProblemResponses.write(json, response, HttpStatus.SERVICE_UNAVAILABLE, "NOT_READY",
                "The gateway is starting or stopping; retry shortly with the same Idempotency-Key.");
    }
}
