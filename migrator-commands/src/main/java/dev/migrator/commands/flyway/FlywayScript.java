package dev.migrator.commands.flyway;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flyway migration file: {@code V<version>__<description>.sql} (versioned), {@code U<version>__...} (its undo),
 * {@code R__<description>.sql} (repeatable). Versions compare as Flyway compares them: numerically part by part,
 * {@code .} and {@code _} separating parts, missing parts counting as zero ({@code 1.0} is {@code 1}).
 */
record FlywayScript(Kind kind, List<BigInteger> version, String description, Path file) {

    enum Kind { VERSIONED, UNDO, REPEATABLE }

    private static final Pattern NAME = Pattern.compile("([VUR])([0-9][0-9._]*)?__(.+)\\.sql");

    /** The script a file name denotes, or null when it is not one of the three kinds. */
    static FlywayScript parse(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            return null;
        }
        Kind kind = switch (matcher.group(1)) {
            case "V" -> Kind.VERSIONED;
            case "U" -> Kind.UNDO;
            default -> Kind.REPEATABLE;
        };
        String versionText = matcher.group(2);
        if ((kind == Kind.REPEATABLE) != (versionText == null)) {
            return null;
        }
        List<BigInteger> version = kind == Kind.REPEATABLE ? List.of() : parseVersion(versionText);
        if (kind != Kind.REPEATABLE && version.isEmpty()) {
            return null;
        }
        return new FlywayScript(kind, version, matcher.group(3).replace('_', ' ').strip(), file);
    }

    static List<BigInteger> parseVersion(String text) {
        List<BigInteger> parts = new ArrayList<>();
        for (String part : text.split("[._]")) {
            if (!part.isEmpty()) {
                parts.add(new BigInteger(part));
            }
        }
        // trailing zeros do not change a version: 1.0 == 1
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return List.copyOf(parts);
    }

    static int compare(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** {@code 1.2}: the version as Flyway prints it. */
    String versionText() {
        return String.join(".", version.stream().map(BigInteger::toString).toList());
    }

    /**
     * The revision id of this version: deterministic and readable, {@code V1_2} and {@code V1.2} give {@code flyway_v1_2}
     * (the scheme of docs/adopting.md, so a hand-made and an imported history agree).
     */
    String revisionId() {
        return "flyway_v" + String.join("_", version.stream().map(BigInteger::toString).toList());
    }

    String fileName() {
        return file.getFileName().toString();
    }
}
