package kw.billpay.infra;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The MDC keys of the gateway's logs (fields of a JSON log line): {@code requestId} (RequestLogContext),
 * {@code paymentId}, {@code knetTrackId} and {@code fileName}. Inside the Camel routes, each step runs with what its
 * exchange knows put in the MDC: the bank file's name (header CamelFileName), and the payment id and KNET track id of
 * a record the exchange carries as its body or in a property (a record with {@code paymentId()} or
 * {@code trackId()}, such as a KNET resolution). The MDC is restored after the step. Nothing else goes in: never an
 * account number.
 */
@Component
public class LogContext implements InterceptStrategy {

    public static final String REQUEST_ID = "requestId";
    public static final String PAYMENT_ID = "paymentId";
    public static final String KNET_TRACK_ID = "knetTrackId";
    public static final String FILE_NAME = "fileName";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F-]{36}");
    /** Per record class: its paymentId() and trackId() accessors (absent entries: none). */
    private static final Map<Class<?>, Map<String, Method>> ACCESSORS = new ConcurrentHashMap<>();

    static boolean isUuid(String text) {
        return UUID_TEXT.matcher(text).matches();
    }

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target, Processor next) {
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                Map<String, String> known = known(exchange);
                if (known.isEmpty()) {
                    return processor.process(exchange, callback);
                }
                Map<String, String> before = new HashMap<>();
                known.forEach((key, value) -> {
                    before.put(key, MDC.get(key));
                    MDC.put(key, value);
                });
                return processor.process(exchange, doneSync -> {
                    before.forEach((key, value) -> {
                        if (value == null) {
                            MDC.remove(key);
                        } else {
                            MDC.put(key, value);
                        }
                    });
                    callback.done(doneSync);
                });
            }
        };
    }

    private static Map<String, String> known(Exchange exchange) {
        Map<String, String> known = new HashMap<>(3);
        if (exchange.getMessage().getHeader(Exchange.FILE_NAME) instanceof String fileName) {
            known.put(FILE_NAME, fileName);
        }
        collect(exchange.getMessage().getBody(), known);
        for (Object property : exchange.getProperties().values()) {
            collect(property, known);
        }
        return known;
    }

    private static void collect(Object value, Map<String, String> known) {
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        ACCESSORS.computeIfAbsent(value.getClass(), LogContext::accessors).forEach((key, accessor) -> {
            try {
                Object id = accessor.invoke(value);
                if (id != null) {
                    known.putIfAbsent(key, id.toString());
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not readable: not logged
            }
        });
    }

    private static Map<String, Method> accessors(Class<?> type) {
        Map<String, Method> accessors = new HashMap<>(2);
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getName().equals("paymentId")) {
                accessors.put(PAYMENT_ID, component.getAccessor());
            } else if (component.getName().equals("trackId")) {
                accessors.put(KNET_TRACK_ID, component.getAccessor());
            }
        }
        accessors.values().forEach(m -> m.setAccessible(true));
        return accessors;
    }
}
