package kw.billpay.channel.knet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The terminal's secrets ({@code gateway.knet.*}) as the channel uses them, made once. */
@Configuration
class KnetConfiguration {

    /** The terminal's resource key: encrypts the gateway's {@code trandata}, decrypts KNET's. */
    @Bean
    KnetCipher knetCipher(KnetProperties knet) {
        return new KnetCipher(knet.resourceKey());
    }

    /** The tranportal id and password, to keep them out of what is stored and shown. */
    @Bean
    KnetSecrets knetSecrets(KnetProperties knet) {
        return new KnetSecrets(knet.tranportalId(), knet.tranportalPassword());
    }
}
