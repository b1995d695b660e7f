package io.headline.common.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Runs a create in a transaction of its own, and again in a new one when it lost a race to a concurrent write on a
 * unique column. A create checks what is taken before it inserts, but two creates can check at the same time; the
 * one that loses finds the database's unique constraint instead. Run again, its checks see the winner: a generated
 * slug moves on to the next free suffix, and a client's slug or a duplicate name gets its 409.
 */
public final class UniqueRetry {

    /**
     * Enough for a burst of concurrent creates of one title to all get a slug; bounded, since every attempt redoes
     * the whole write (rendering included).
     */
    static final int ATTEMPTS = 32;

    private UniqueRetry() {
    }

    public static <T> T create(Supplier<T> create) {
        if (QuarkusTransaction.isActive()) {
            // Part of a larger write (demo content): that transaction stands or falls as one, and cannot be rerun here.
            return create.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(create::get);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !violatesUniqueness(e)) {
                    throw e;
                }
            }
        }
    }

    /** Only a lost race on a unique column is worth a rerun; any other violation would fail the same way again. */
    private static boolean violatesUniqueness(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE;
            }
        }
        return false;
    }
}
