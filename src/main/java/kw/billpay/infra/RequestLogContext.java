package kw.billpay.infra;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every log line written while a request is served carries its {@code requestId} (the caller's {@code X-Request-Id}
 * when it sent a sensible one, else a new one, echoed in the answer), and the {@code paymentId} its URL names. In JSON
 * logs (GATEWAY_LOG_FORMAT) they are fields of the line, so that one request's lines can be found across instances.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestLogContext extends OncePerRequestFilter implements WebMvcConfigurer {

    static final String HEADER = "X-Request-Id";
    private static final Pattern SENSIBLE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String sent = request.getHeader(HEADER);
        String requestId = sent != null && SENSIBLE_ID.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
        response.setHeader(HEADER, requestId);
        MDC.put(LogContext.REQUEST_ID, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.clear(); // a pooled thread carries nothing of this request into the next
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                        && variables.get("paymentId") instanceof String paymentId && LogContext.isUuid(paymentId)) {
                    MDC.put(LogContext.PAYMENT_ID, paymentId);
                }
                return true;
            }
        });
    }
}
