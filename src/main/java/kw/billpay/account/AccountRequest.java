package kw.billpay.account;

import kw.billpay.core.account.AccountStatus;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import kw.billpay.core.allocation.Product;

/** Body of {@code PUT /api/v1/accounts/{accountNumber}} (CONTRACT "Accounts and statements"). */
public record AccountRequest(
        @NotBlank @Size(max = 64) String issuer,
        @NotBlank @Size(max = 200) String holderName,
        @NotBlank String currency,
        @NotNull Product product,
        String creditLimit,
        @NotNull AccountStatus status,
        @NotNull @Valid StatementRequest statement,
        String unbilled) {

    public record StatementRequest(
            @NotNull LocalDate statementDate,
            @NotNull LocalDate dueDate,
            String minimumDue,
            Map<String, String> buckets) {
    }
}
