package kw.billpay.channel.banktransfer;

import java.util.List;

/**
 * {@code TxDtls/RtrInf}: the transfer is a return of an earlier one. Versions 001.02 to 001.08 have no element for the
 * original transfer's reference here: banks repeat the original's references in the return's {@code TxDtls/Refs}
 * ({@code EndToEndId}, {@code TxId}) or write it in {@code RtrInf/AddtlInf}.
 *
 * @param reasonCode     {@code RtrInf/Rsn/Cd} (ISO external code, e.g. AC04 closed account), else {@code Rsn/Prtry}
 * @param additionalInfo {@code RtrInf/AddtlInf} lines
 */
public record ReturnInfo(String reasonCode, List<String> additionalInfo) {

    public ReturnInfo {
        additionalInfo = List.copyOf(additionalInfo);
    }
}
