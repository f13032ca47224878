package kw.billpay.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * The one check of the text a request carries outside its JSON body ({@link StorableJsonText} checks that): the path,
 * every query and form parameter (the KNET callbacks' fields among them) and every header. Text the gateway could not
 * store ({@link StorableText}) is a 400 {@code VALIDATION_FAILED} naming where it was, before anything reads it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2) // after the body limit: reading form parameters reads the body
@RequiredArgsConstructor
class StorableRequestText extends OncePerRequestFilter {

    private static final int LONGEST_NAME_SHOWN = 64;

    private final ObjectMapper json;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = firstProblem(request);
        if (problem != null) {
            ProblemResponses.write(json, response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", problem);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String firstProblem(HttpServletRequest request) {
        String path;
        try {
            path = UriUtils.decode(request.getRequestURI(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "path: is not valid URL encoding";
        }
        String problem = StorableText.problem(path);
        if (problem != null) {
            return "path: " + problem;
        }
        for (String header : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(header))) {
                problem = StorableText.problem(value);
                if (problem != null) {
                    return "header " + shown(header) + ": " + problem;
                }
            }
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            problem = StorableText.problem(parameter.getKey());
            if (problem != null) {
                return "a parameter name " + problem;
            }
            for (String value : parameter.getValue()) {
                problem = StorableText.problem(value);
                if (problem != null) {
                    return shown(parameter.getKey()) + ": " + problem;
                }
            }
        }
        return null;
    }

    private static String shown(String name) {
        return name.length() <= LONGEST_NAME_SHOWN ? name : name.substring(0, LONGEST_NAME_SHOWN) + "…";
    }
}
