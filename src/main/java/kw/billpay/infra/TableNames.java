package kw.billpay.infra;

import java.util.regex.Pattern;

/** A table a class of this package is given by name, checked once before any statement is built around it. */
final class TableNames {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_]{1,63}");

    private TableNames() {
    }

    static String require(String table) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return table;
    }
}
