package kw.billpay.channel.banktransfer;

import kw.billpay.infra.BankInboxSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The bank-transfer channel's settings ({@code gateway.bank-transfer.*}, as BankInboxSettings names them; a file that
 * failed too often is given up by BankTransferFiles.giveUp); the file route reads the same keys.
 */
@Validated
@ConfigurationProperties("gateway.bank-transfer")
public class BankTransferProperties extends BankInboxSettings {
}
