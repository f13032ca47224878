package kw.billpay.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies are bounded before anything parses them: a body larger than {@code gateway.http.max-body-size}
 * (a KNET-style form: {@code gateway.http.max-form-size}) is a 413 {@code PAYLOAD_TOO_LARGE}. A declared
 * Content-Length is refused unread; a chunked body is read up to the limit and no further, then handed on from memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimit extends OncePerRequestFilter {

    private final long maxBody;
    private final long maxForm;
    private final ObjectMapper json;

    RequestBodyLimit(@Value("${gateway.http.max-body-size}") DataSize maxBody,
                     @Value("${gateway.http.max-form-size}") DataSize maxForm, ObjectMapper json) {
        this.maxBody = maxBody.toBytes();
        this.maxForm = maxForm.toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = isForm(request);
        long limit = form ? maxForm : maxBody;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(response, limit);
            return;
        }
        if (declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            byte[] body = request.getInputStream().readNBytes(Math.toIntExact(limit + 1));
            if (body.length > limit) {
                tooLarge(response, limit);
                return;
            }
            chain.doFilter(new BufferedBody(request, body, form), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void tooLarge(HttpServletResponse response, long limit) throws IOException {
        // the rest of the body is not read: the connection ends with this answer
        response.setHeader(HttpHeaders.CONNECTION, "close");
        ProblemResponses.write(json, response, HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                "The request body is larger than the " + limit + " bytes the gateway takes here; nothing was read or changed.");
        response.flushBuffer();
    }

    private static boolean isForm(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}
