package kw.billpay.metrics;

/**
 * Something waiting that operations watch (a backlog), read from where it is kept: each bean of this type is a
 * Prometheus gauge, {@link BacklogMetrics} reads it on a scrape at most every few seconds. A backlog kept in the
 * shared database or broker reads the same on every instance: a dashboard takes its {@code max}, never its {@code sum}.
 *
 * <p>The extension point for channels still to come: the bank-transfer channel (camt.054) adds
 * {@code gateway_bank_transfer_files_in_progress} and {@code gateway_suspense_items_open} as beans of this type
 * (see {@link GatewayBacklogs}), and the dashboard's panels for them then fill.
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
