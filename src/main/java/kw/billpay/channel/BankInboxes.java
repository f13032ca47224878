package kw.billpay.channel;

import java.time.Clock;
import kw.billpay.channel.banktransfer.BankTransferFiles;
import kw.billpay.channel.banktransfer.BankTransferProperties;
import kw.billpay.channel.directdebit.DirectDebitFiles;
import kw.billpay.channel.directdebit.DirectDebitProperties;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.infra.BankInbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inboxes the bank-file routes name ({@code filter}, {@code idempotentRepository}, and their catch): one a channel,
 * in the partner banks' folders, taking files the same way (BankInbox, decision 0004). A file that failed is noted on
 * its record and given up, when it failed too often, as the channel's files service does that.
 */
@Configuration
class BankInboxes {

    /** {@code routes/direct-debit.camel.yaml}: the result files, tables direct_debit_claim and direct_debit_failure. */
    @Bean(initMethod = "start", destroyMethod = "stop")
    BankInbox directDebitInbox(JdbcTemplate jdbc, DirectDebitProperties settings, DirectDebitFiles files, Clock clock) {
        return new BankInbox(jdbc, "direct_debit", settings, PartnerBank::isFolder, files, clock);
    }

    /** {@code routes/bank-transfer.camel.yaml}: the camt.054 files, tables bank_transfer_claim and bank_transfer_failure. */
    @Bean(initMethod = "start", destroyMethod = "stop")
    BankInbox bankTransferInbox(JdbcTemplate jdbc, BankTransferProperties settings, BankTransferFiles files, Clock clock) {
        return new BankInbox(jdbc, "bank_transfer", settings, PartnerBank::isFolder, files, clock);
    }
}
