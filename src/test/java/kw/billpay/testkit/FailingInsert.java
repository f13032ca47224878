package kw.billpay.testkit;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database error on one value of one column, as a value too long for its column gives: a trigger on the table that
 * fails every insert of a row holding {@link #value} there, installed for one test (closed, it is gone). It counts the
 * failed inserts in a sequence, which a rollback does not undo. For a bank file that fails for a reason other than its
 * content.
 */
public class FailingInsert implements AutoCloseable {

    /** The value whose insert fails: no digits, so nothing in the failure's text is masked. */
    public final String value = "POISON-" + ThreadLocalRandom.current().ints(8, 'a', 'z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    /** The database's words for the failure. */
    public final String message = "value too long for type character varying(8) (" + value + ")";

    private final JdbcTemplate jdbc;
    private final String table;
    private final String id = value.replace('-', '_').toLowerCase();

    public FailingInsert(JdbcTemplate jdbc, String table, String column) {
        this.jdbc = jdbc;
        this.table = table;
        jdbc.execute("create sequence " + id + "_attempts");
        jdbc.execute("create function " + id + "() returns trigger language plpgsql as $$ begin"
                + " if new." + column + " = '" + value + "' then"
                + " perform nextval('" + id + "_attempts');"
                + " raise exception using errcode = '22001', message = '" + message + "';"
                + " end if; return new; end $$");
        jdbc.execute("create trigger " + id + " before insert on " + table + " for each row execute function " + id + "()");
    }

    /** How many inserts failed. */
    public long failures() {
        return jdbc.queryForObject("select case when is_called then last_value else 0 end from " + id + "_attempts", Long.class);
    }

    @Override
    public void close() {
        jdbc.execute("drop trigger " + id + " on " + table);
        jdbc.execute("drop function " + id + "()");
        jdbc.execute("drop sequence " + id + "_attempts");
    }
}
