package kw.billpay.infra;

/**
 * One SQL statement with its arguments in order: what a repository runs, or hands to another repository that writes it
 * together with its own statements in one round trip (a data-modifying {@code WITH}).
 */
public record SqlStatement(String sql, Object... args) {
}
