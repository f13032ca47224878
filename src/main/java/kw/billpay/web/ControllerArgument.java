package kw.billpay.web;

import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A parameter a controller method may take besides Spring's own, made from the request by its feature (who calls, an
 * idempotent call), so that no controller reads headers or the security context for it. A subclass is a
 * {@code @Component}; Spring MVC then resolves every parameter of its type with it, and the published OpenAPI document
 * leaves it out.
 */
public abstract class ControllerArgument<T> implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final Class<T> type;

    protected ControllerArgument(Class<T> type) {
        this.type = type;
        // not a request parameter: springdoc would otherwise publish it as a query parameter of its endpoints
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(type);
    }

    /** The parameter's value for this request. */
    protected abstract T resolve(NativeWebRequest request);

    @Override
    public final boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == type;
    }

    @Override
    public final T resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                   WebDataBinderFactory binders) {
        return resolve(request);
    }

    @Override
    public final void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
