package kw.billpay.reconciliation;

import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/reconciliation} (CONTRACT "Reconciliation"), for OPS. */
@RestController
@RequiredArgsConstructor
class ReconciliationController {

    private final ReconciliationQuery query;

    @GetMapping("/api/v1/reconciliation")
    Map<String, Object> reconcile() {
        return query.reconcile();
    }
}
