package kw.billpay.security;

import kw.billpay.web.ControllerArgument;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * Lets a controller method take the authenticated {@link Caller} as a parameter: the one way a controller learns who
 * calls (a teller, a supervisor, a channel back end), instead of each reading Spring Security's Authentication.
 */
@Component
class CallerArguments extends ControllerArgument<Caller> {

    CallerArguments() {
        super(Caller.class);
    }

    @Override
    protected Caller resolve(NativeWebRequest request) {
        return Caller.required();
    }
}
