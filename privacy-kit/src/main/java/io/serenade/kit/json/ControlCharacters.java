package io.serenade.kit.json;

/**
 * Text that can be stored and shown: no C0 control character but tab and newline, and no DEL. PostgreSQL refuses
 * NUL outright (a 5xx if it got that far), and the others hide text from the person who reads it later.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Whether {@code text} holds a control character other than tab and newline. */
    public static boolean forbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    public static final String MESSAGE = "must not contain control characters (tab and newline excepted)";
}
