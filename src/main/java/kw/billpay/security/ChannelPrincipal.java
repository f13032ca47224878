package kw.billpay.security;

import java.security.Principal;
import kw.billpay.core.payment.Channel;

/** A channel back end authenticated by its API key. */
public record ChannelPrincipal(Channel channel) implements Principal {

    @Override
    public String getName() {
        return "channel:" + channel;
    }
}
