package dev.migrator.internal.support;

/**
 * String concatenation without {@code invokedynamic}, for the code every start runs (a no-op {@code upgrade}:
 * locations, the lock, the state tables' SQL). javac compiles {@code a + b} to an {@code invokedynamic} call
 * site whose first execution bootstraps {@code StringConcatFactory}, which spins method-handle classes for each
 * new shape of arguments; a fresh process pays that once per call site, about 21 sites and 36 generated
 * classes on a no-op start. Elsewhere (error messages, DDL, offline scripts) plain {@code +} is the rule.
 *
 * <p>Pays 5 % of a fresh-process no-op with the revision index (1,000 revisions; per-round ratios of wall and CPU
 * time, 0.95×; docs/benchmarks.md, "The fresh-process regression, found").
 */
public final class Concat {

    private Concat() {}

    /** The parts' {@link String#valueOf(Object) string values}, in order, as {@code +} would join them. */
    public static String of(Object... parts) {
        int length = 0;
        String[] strings = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            strings[i] = String.valueOf(parts[i]);
            length += strings[i].length();
        }
        StringBuilder text = new StringBuilder(length);
        for (String part : strings) {
            text.append(part);
        }
        return text.toString();
    }
}
