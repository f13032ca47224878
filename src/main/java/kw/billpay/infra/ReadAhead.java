package kw.billpay.infra;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator over what is read one piece at a time (a bank file's batches): {@link #read} gives the next piece, or
 * null at the end; {@code hasNext} reads ahead at most one piece, and never reads again once the end was met.
 */
public abstract class ReadAhead<T> implements Iterator<T> {

    private T next;
    private boolean ended;

    /** The next piece, or null when there is none. */
    protected abstract T read();

    @Override
    public final boolean hasNext() {
        if (next == null && !ended) {
            next = read();
            ended = next == null;
        }
        return next != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T piece = next;
        next = null;
        return piece;
    }
}
