package kw.billpay.security;

import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets a controller method take the authenticated {@link Caller} as a parameter: the one way a controller learns who
 * calls (a teller, a supervisor, a channel back end), instead of each reading Spring Security's Authentication.
 */
@Component
class CallerArguments implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        // nobody only if SecurityConfiguration left a path taking a Caller open: refused as Spring Security would
        return Caller.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                "authentication required"));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }
}
