package kw.billpay.core.allocation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** An issuer's order for spreading a payment over buckets (R9, R12); buckets left out are never paid. */
public record AllocationOrder(List<Bucket> buckets) {

    public AllocationOrder {
        Objects.requireNonNull(buckets, "buckets");
        if (buckets.isEmpty()) {
            throw new IllegalArgumentException("an allocation order needs at least one bucket");
        }
        Set<Bucket> seen = EnumSet.noneOf(Bucket.class);
        for (Bucket bucket : buckets) {
            if (bucket == null) {
                throw new IllegalArgumentException("an allocation order must not contain a null bucket: " + buckets);
            }
            if (!seen.add(bucket)) {
                throw new IllegalArgumentException(
                        "bucket " + bucket + " appears more than once in the allocation order");
            }
        }
        buckets = List.copyOf(buckets);
    }

    public static AllocationOrder of(Bucket... buckets) {
        Objects.requireNonNull(buckets, "buckets");
        // Arrays.asList keeps nulls, so the constructor reports them with its own message.
        return new AllocationOrder(Arrays.asList(buckets));
    }

    public boolean includes(Bucket bucket) {
        return buckets.contains(bucket);
    }
}
