package org.circgate.sip2;

/** Helpers shared by the code-table types. */
final class CodeTables {

    private CodeTables() {
    }

    static String pad(int value, int width) {
        String s = Integer.toString(value);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    static <E extends Enum<E>> E[] byNumber(E[] values, java.util.function.ToIntFunction<E> number, int size) {
        @SuppressWarnings("unchecked")
        E[] table = (E[]) java.lang.reflect.Array.newInstance(values.getClass().getComponentType(), size);
        for (E value : values) {
            int n = number.applyAsInt(value);
            if (table[n] != null) {
                throw new AssertionError("code already in use: " + n);
            }
            table[n] = value;
        }
        return table;
    }

    static boolean isPrintableAscii(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
