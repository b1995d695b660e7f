package io.headline.delivery;

import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import java.util.function.Supplier;

/**
 * The If-Match precondition of a write (RFC 9110 §13.1.1), against the ETag a GET of the same resource carries.
 * Absent, it is satisfied: clients that do not send it keep last-writer-wins.
 */
public record IfMatch(String header) {

    public static final IfMatch ABSENT = new IfMatch(null);

    /** The contract's words for the header, and for the ETag a write answers with: the same on every write. */
    public static final String DESCRIPTION = "The ETag of the resource as the caller last read or wrote it (or `*`), "
            + "compared strongly; a stale one answers 412.";
    public static final String WRITTEN_ETAG = "The ETag of the resource as written, the same a GET would answer "
            + "with; send it in If-Match to chain writes.";

    /**
     * Answers 412 unless the resource as it stands now carries one of the tags the client holds.
     *
     * @param current the ETag of the resource now, computed only when there is a header to compare
     */
    public void check(Supplier<String> current) {
        if (header != null && !Validators.matchesStrongly(header, current.get())) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The resource has changed since the "
                    + "representation whose ETag was sent in If-Match; GET it again and reapply the change.");
        }
    }
}
