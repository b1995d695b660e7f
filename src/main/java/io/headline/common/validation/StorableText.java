package io.headline.common.validation;

/**
 * Text both databases store as it was sent. PostgreSQL refuses NUL in text and cannot encode an unpaired UTF-16
 * surrogate; H2 stores both, so the same request would succeed on one and fail on the other. Other C0 control
 * characters are refused as well: nothing a publisher writes needs them, and they break the text's consumers
 * (feeds, HTML, terminals). Tab, line feed and carriage return are text.
 */
public final class StorableText {

    public static final String RULE = "must not contain control characters other than tab, line feed and carriage "
            + "return, nor unpaired surrogates";

    private StorableText() {
    }

    public static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
