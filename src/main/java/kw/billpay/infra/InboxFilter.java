package kw.billpay.infra;

import java.io.File;
import java.util.function.Predicate;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * What a bank-file inbox route takes: files in a bank's folder ({@code inbox/<BANK>/}), except those still being
 * written under a {@code .part} name and dot files (CONTRACT: "ignored until renamed"). Other folders are left alone.
 */
public final class InboxFilter implements GenericFileFilter<File> {

    private final Predicate<String> bankFolder;
    private final Predicate<GenericFile<File>> due;

    /** @param bankFolder whether a folder of this exact name is a bank's inbox */
    public InboxFilter(Predicate<String> bankFolder) {
        this(bankFolder, file -> true);
    }

    /** @param due whether a file, not a {@code .part} or dot file, may be taken now (e.g. its back-off after a failure is over) */
    public InboxFilter(Predicate<String> bankFolder, Predicate<GenericFile<File>> due) {
        this.bankFolder = bankFolder;
        this.due = due;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        String name = file.getFileNameOnly();
        if (file.isDirectory()) {
            return bankFolder.test(name);
        }
        return !name.startsWith(".") && !name.endsWith(".part") && due.test(file);
    }
}
