package kw.billpay.channel.directdebit;

import java.nio.file.Path;
import kw.billpay.infra.BankInboxSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The direct-debit channel's settings ({@code gateway.direct-debit.*}, as BankInboxSettings names them; a file that
 * failed too often is given up by DirectDebitFiles.giveUp); the file route reads the same keys. Its {@code dir} holds
 * an outbox/ too, for the acknowledgements.
 */
@Validated
@ConfigurationProperties("gateway.direct-debit")
public class DirectDebitProperties extends BankInboxSettings {

    public Path outbox(PartnerBank bank) {
        return folder("outbox", bank);
    }
}
