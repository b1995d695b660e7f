package io.headline.transfer;

/** A line that cannot be imported, and why: reported with its line number, the import goes on. */
final class LineFailure extends Exception {

    LineFailure(String reason) {
        super(reason, null, false, false);
    }

    String reason() {
        return getMessage();
    }
}
