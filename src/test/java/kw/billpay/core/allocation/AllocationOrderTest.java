package kw.billpay.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AllocationOrderTest {

    @Test
    void keepsTheGivenOrder() {
        AllocationOrder order = AllocationOrder.of(Bucket.UNBILLED, Bucket.PREVIOUS_FEES);

        assertThat(order.buckets()).containsExactly(Bucket.UNBILLED, Bucket.PREVIOUS_FEES);
        assertThat(order.includes(Bucket.UNBILLED)).isTrue();
        assertThat(order.includes(Bucket.CURRENT_CASH)).isFalse();
    }

    @Test
    void isADefensiveImmutableCopy() {
        List<Bucket> source = new ArrayList<>(List.of(Bucket.PREVIOUS_FEES));
        AllocationOrder order = new AllocationOrder(source);

        source.add(Bucket.UNBILLED);

        assertThat(order.buckets()).containsExactly(Bucket.PREVIOUS_FEES);
        assertThatThrownBy(() -> order.buckets().add(Bucket.UNBILLED)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsEmptyNullAndDuplicates() {
        assertThatThrownBy(AllocationOrder::of).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one bucket");
        assertThatThrownBy(() -> AllocationOrder.of(Bucket.PREVIOUS_FEES, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null bucket");
        assertThatThrownBy(() -> AllocationOrder.of(Bucket.PREVIOUS_FEES, Bucket.CURRENT_CASH, Bucket.PREVIOUS_FEES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PREVIOUS_FEES appears more than once");
        assertThatThrownBy(() -> new AllocationOrder(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void onlyUnbilledIsNotBilled() {
        for (Bucket bucket : Bucket.values()) {
            assertThat(bucket.billed()).as(bucket.name()).isEqualTo(bucket != Bucket.UNBILLED);
        }
    }
}
