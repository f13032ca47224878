package kw.billpay.account;

import kw.billpay.core.account.AccountNumbers;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/accounts")
@RequiredArgsConstructor
class AccountController {

    private final AccountService accounts;

    @PutMapping("/{accountNumber}")
    ResponseEntity<AccountView> put(@PathVariable String accountNumber, @Valid @RequestBody AccountRequest request) {
        AccountNumbers.requireValid("accountNumber", accountNumber);
        AccountService.Saved saved = accounts.put(accountNumber, request);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(AccountView.of(saved.account()));
    }

    @GetMapping("/{accountNumber}")
    AccountView get(@PathVariable String accountNumber) {
        AccountNumbers.requireValid("accountNumber", accountNumber);
        return AccountView.of(accounts.get(accountNumber));
    }
}
