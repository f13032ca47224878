package kw.billpay.account;

import kw.billpay.core.account.Account;
import kw.billpay.core.account.AccountStatus;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import kw.billpay.core.allocation.Balances;
import kw.billpay.core.allocation.Bucket;
import kw.billpay.core.allocation.Product;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Accounts in table {@code account}: one column per bucket, so a posting updates an account in one statement. */
@Repository
@RequiredArgsConstructor
public class AccountRepository {

    private static final List<Bucket> BUCKETS = List.of(Bucket.values());
    private static final String BUCKET_COLUMNS = BUCKETS.stream().map(AccountRepository::column).collect(Collectors.joining(", "));
    private static final String SELECT_ACCOUNTS = """
            select account_number, issuer_id, holder_name, currency, product, credit_limit, status, statement_date,
                   due_date, minimum_due, minimum_due_computed, past_due, paid_since_statement, credit_balance, %s
            from account""".formatted(BUCKET_COLUMNS);
    private static final String SELECT = SELECT_ACCOUNTS + " where account_number = ?";
    private static final String LOCK_MANY = SELECT_ACCOUNTS + " where account_number = any(?) order by account_number for update";
    private static final String SHARE_MANY = SELECT_ACCOUNTS + " where account_number = any(?) order by account_number for share";
    private static final String UPDATE_BALANCES = "update account set %s, credit_balance = ?, paid_since_statement = ?, updated_at = now() where account_number = ?"
            .formatted(BUCKETS.stream().map(b -> column(b) + " = ?").collect(Collectors.joining(", ")));
    private static final String UPDATE_BALANCES_MANY = """
            update account a set %s, credit_balance = v.credit_balance, paid_since_statement = v.paid_since_statement,
                                 updated_at = now()
            from unnest(%s, ?::numeric[], ?::numeric[], ?::varchar[])
                 as v(%s, credit_balance, paid_since_statement, account_number)
            where a.account_number = v.account_number"""
            .formatted(BUCKETS.stream().map(b -> column(b) + " = v." + column(b)).collect(Collectors.joining(", ")),
                    BUCKETS.stream().map(b -> "?::numeric[]").collect(Collectors.joining(", ")), BUCKET_COLUMNS);
    private static final String UPSERT = """
            insert into account (account_number, issuer_id, holder_name, currency, product, credit_limit, status,
                                 statement_date, due_date, minimum_due, minimum_due_computed, past_due, paid_since_statement,
                                 credit_balance, %s)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, %s)
            on conflict (account_number) do update set
                issuer_id = excluded.issuer_id, holder_name = excluded.holder_name, currency = excluded.currency,
                product = excluded.product, credit_limit = excluded.credit_limit, status = excluded.status,
                statement_date = excluded.statement_date, due_date = excluded.due_date,
                minimum_due = excluded.minimum_due, minimum_due_computed = excluded.minimum_due_computed,
                past_due = excluded.past_due, paid_since_statement = excluded.paid_since_statement,
                credit_balance = excluded.credit_balance, %s, updated_at = now()"""
            .formatted(BUCKET_COLUMNS, BUCKETS.stream().map(b -> "?").collect(Collectors.joining(", ")),
                    BUCKETS.stream().map(b -> column(b) + " = excluded." + column(b)).collect(Collectors.joining(", ")));

    private final JdbcTemplate jdbc;
    private final RowMapper<Account> mapper = this::map;

    public Optional<Account> find(String accountNumber) {
        return jdbc.query(SELECT, mapper, accountNumber).stream().findFirst();
    }

    /** Of these account numbers, the ones that are accounts: one query for a bank file's batch of candidates. */
    public Set<String> existing(Collection<String> accountNumbers) {
        if (accountNumbers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("select account_number from account where account_number = any(?)",
                String.class, (Object) accountNumbers.toArray(String[]::new)));
    }

    /** Reads the account and locks its row until the transaction ends: payments to one account apply one at a time (R14). */
    public Optional<Account> lockForPosting(String accountNumber) {
        return jdbc.query(SELECT + " for update", mapper, accountNumber).stream().findFirst();
    }

    /**
     * Locks many accounts for one transaction, in account-number order: two transactions locking overlapping sets
     * take the rows in the same order, so they never wait on each other in a cycle. Unknown numbers are absent.
     */
    public Map<String, Account> lockAllForPosting(Collection<String> accountNumbers) {
        String[] sorted = new TreeSet<>(accountNumbers).toArray(String[]::new);
        Map<String, Account> locked = new LinkedHashMap<>();
        jdbc.query(LOCK_MANY, (ResultSet rs) -> {
                    Account account = map(rs, 0);
                    locked.put(account.accountNumber(), account);
                }, (Object) sorted);
        return locked;
    }

    /**
     * Reads many accounts with a share lock until the transaction ends, in account-number order (as postings lock
     * them): a payment being posted to one of them is waited for, and its balances are read as it committed them.
     */
    public Map<String, Account> readAllSettled(Collection<String> accountNumbers) {
        Map<String, Account> read = new LinkedHashMap<>();
        jdbc.query(SHARE_MANY, (ResultSet rs) -> {
                    Account account = map(rs, 0);
                    read.put(account.accountNumber(), account);
                }, (Object) new TreeSet<>(accountNumbers).toArray(String[]::new));
        return read;
    }

    /** Writes an account's balances after a posting or a reversal, in the posting's transaction. */
    public void updateBalances(Account account) {
        jdbc.update(UPDATE_BALANCES, balanceArgs(account));
    }

    /**
     * Writes the balances of many accounts in one statement, the new values passed as arrays (one per column): a
     * statement per account costs PostgreSQL several times more than the row it changes.
     */
    public void updateBalancesAll(Collection<Account> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Object[] columns = new Object[BUCKETS.size() + 3];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = new String[changed.size()];
        }
        int row = 0;
        for (Account account : changed) {
            Object[] values = balanceArgs(account);
            for (int c = 0; c < values.length; c++) {
                ((String[]) columns[c])[row] = values[c] instanceof BigDecimal amount ? amount.toPlainString() : (String) values[c];
            }
            row++;
        }
        jdbc.update(UPDATE_BALANCES_MANY, columns);
    }

    private static Object[] balanceArgs(Account account) {
        Object[] args = new Object[BUCKETS.size() + 3];
        int i = 0;
        for (Bucket bucket : BUCKETS) {
            args[i++] = account.balances().get(bucket).amount();
        }
        args[i++] = account.balances().creditBalance().amount();
        args[i++] = account.paidSinceStatement().amount();
        args[i] = account.accountNumber();
        return args;
    }

    public void upsert(Account a) {
        Object[] args = new Object[14 + BUCKETS.size()];
        int i = 0;
        args[i++] = a.accountNumber();
        args[i++] = a.issuerId();
        args[i++] = a.holderName();
        args[i++] = a.currency().getCurrencyCode();
        args[i++] = a.product().name();
        args[i++] = a.creditLimit().amount();
        args[i++] = a.status().name();
        args[i++] = a.statementDate();
        args[i++] = a.dueDate();
        args[i++] = a.minimumDue().amount();
        args[i++] = a.minimumDueComputed();
        args[i++] = a.pastDue().amount();
        args[i++] = a.paidSinceStatement().amount();
        args[i++] = a.balances().creditBalance().amount();
        for (Bucket bucket : BUCKETS) {
            args[i++] = a.balances().get(bucket).amount();
        }
        jdbc.update(UPSERT, args);
    }

    static String column(Bucket bucket) {
        return bucket.name().toLowerCase();
    }

    private Account map(ResultSet rs, int row) throws SQLException {
        Currency currency = Currencies.parse(rs.getString("currency"));
        Map<Bucket, Money> buckets = new EnumMap<>(Bucket.class);
        for (Bucket bucket : BUCKETS) {
            buckets.put(bucket, new Money(rs.getBigDecimal(column(bucket)), currency));
        }
        return new Account(
                rs.getString("account_number"),
                rs.getString("issuer_id"),
                rs.getString("holder_name"),
                currency,
                Product.valueOf(rs.getString("product")),
                new Money(rs.getBigDecimal("credit_limit"), currency),
                AccountStatus.valueOf(rs.getString("status")),
                rs.getObject("statement_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class),
                new Money(rs.getBigDecimal("minimum_due"), currency),
                rs.getBoolean("minimum_due_computed"),
                new Money(rs.getBigDecimal("past_due"), currency),
                new Money(rs.getBigDecimal("paid_since_statement"), currency),
                Balances.of(currency, buckets, new Money(rs.getBigDecimal("credit_balance"), currency)));
    }
}
