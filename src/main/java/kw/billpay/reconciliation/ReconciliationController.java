package kw.billpay.reconciliation;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/reconciliation} (CONTRACT "Reconciliation"), for OPS. */
@RestController
class ReconciliationController {

    private final ReconciliationQuery query;

    ReconciliationController(ReconciliationQuery query) {
        this.query = query;
    }

    @GetMapping("/api/v1/reconciliation")
    Map<String, Object> reconcile() {
        return query.reconcile();
    }
}
