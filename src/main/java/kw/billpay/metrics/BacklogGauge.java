package kw.billpay.metrics;

/**
 * Something waiting that operations watch (a backlog), read from where it is kept: each is a Prometheus gauge that
 * {@link BacklogMetrics} reads on a scrape at most every few seconds. A backlog kept in the shared database or broker
 * reads the same on every instance: a dashboard takes its {@code max}, never its {@code sum}.
 *
 * <p>A backlog counted in the database is a row of {@link GatewayBacklogs}; one kept elsewhere is a bean of this type
 * (the broker's dead letters, kw.billpay.ops.DeadLetters).
 */
public interface BacklogGauge {

    /** The meter's name, dotted (Micrometer): {@code gateway.knet.payments.unresolved} is scraped as {@code gateway_knet_payments_unresolved}. */
    String name();

    String description();

    /** The value now; may query the database or the broker (it is cached), never blocks long. */
    double read();

    static BacklogGauge of(String name, String description, java.util.function.DoubleSupplier read) {
        return new BacklogGauge() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public double read() {
                return read.getAsDouble();
            }
        };
    }
}
