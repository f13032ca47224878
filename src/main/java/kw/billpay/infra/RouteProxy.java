package kw.billpay.infra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface as the typed way into one route: its bean is a Camel producer proxy (RouteProxies) whose calls go
 * to this endpoint. The method's one argument is the message body; the route's answer, converted to the method's return
 * type, is what it returns; a runtime exception the route's steps threw (a refusal, say) is thrown as it is; a checked
 * one arrives wrapped in {@code UndeclaredThrowableException}, as the interfaces declare none. A method that should not
 * wait for the route carries {@code @Pattern(ExchangePattern.InOnly)}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RouteProxy {

    /** The endpoint the route consumes, as in {@code routes/*.camel.yaml} ({@code direct:post-payment}). */
    String value();
}
