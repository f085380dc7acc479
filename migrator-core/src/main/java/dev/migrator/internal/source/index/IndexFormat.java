package dev.migrator.internal.source.index;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import dev.migrator.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a {@link RevisionIndex}: UTF-8, one line per file, tab-separated fields (backslash, tab and
 * line breaks escaped), framed by a version line and an end line that counts the files, so a truncated or
 * foreign file is an error rather than a shorter index.
 *
 * <pre>
 * # migrator revision index v1
 * # ...comments...
 * location	classpath:db/migrations
 * file	&lt;path&gt;	&lt;size&gt;	&lt;checksum&gt;	&lt;id&gt;	&lt;revises&gt;	&lt;depends-on&gt;	&lt;labels&gt;	&lt;phase&gt;	&lt;transactional&gt;	&lt;lock timeout s:ns&gt;	&lt;irreversible&gt;	&lt;message&gt;	&lt;verify line&gt;	&lt;verify query&gt;
 * end	&lt;number of files&gt;
 * </pre>
 *
 * Lists are comma-separated (ids and labels cannot hold commas); an absent lock timeout, reason or
 * verify query is an empty field (none of them can be empty when present). Reading is a single pass with
 * {@code indexOf}, no regular expression: it runs in every fresh process that starts with an index.
 */
public final class IndexFormat {

    /** The first line. A reader accepts exactly its own version: an index is rebuilt with the Migrator that reads it. */
    public static final String VERSION_LINE = "# migrator revision index v1";

    private static final int FIELDS = 14;

    private IndexFormat() {}

    public static String write(RevisionIndex index) {
        StringBuilder text = new StringBuilder(128 + index.files().size() * 256);
        text.append(VERSION_LINE).append('\n');
        text.append("# Written at build time by Migrator's index generator; do not edit. Rebuild it with the build\n");
        text.append("# (migrator:index goal, or dev.migrator.internal.source.index.RevisionIndexWriter) whenever a file changes.\n");
        text.append("location\t").append(escape(index.location())).append('\n');
        for (IndexedFile f : index.files()) {
            text.append("file\t").append(escape(f.relativePath()))
                    .append('\t').append(f.size())
                    .append('\t').append(f.checksum())
                    .append('\t').append(f.id())
                    .append('\t').append(String.join(",", f.revises()))
                    .append('\t').append(String.join(",", f.dependsOn()))
                    .append('\t').append(String.join(",", f.branchLabels()))
                    .append('\t').append(f.phase().label())
                    .append('\t').append(f.transactional())
                    .append('\t').append(f.lockTimeout() == null ? ""
                            : f.lockTimeout().getSeconds() + ":" + f.lockTimeout().getNano())
                    .append('\t').append(f.irreversible() == null ? "" : escape(f.irreversible()))
                    .append('\t').append(escape(f.message()))
                    .append('\t').append(f.verifyLine())
                    .append('\t').append(f.verifySql() == null ? "" : escape(f.verifySql()))
                    .append('\n');
        }
        text.append("end\t").append(index.files().size()).append('\n');
        return text.toString();
    }

    /**
     * @param where names the index in messages, e.g. {@code classpath:db/migrations/migrator.index}
     * @throws MigratorException {@link ErrorCode#REVISION_INDEX_STALE} when the text is not a complete index of this version
     */
    public static RevisionIndex read(String text, String where) {
        Reader reader = new Reader(text, where);
        return reader.read();
    }

    private static final class Reader {
        private final String text;
        private final String where;
        private int position;
        private int lineNumber;

        Reader(String text, String where) {
            this.text = text;
            this.where = where;
        }

        RevisionIndex read() {
            String first = nextLine();
            if (!VERSION_LINE.equals(first)) {
                throw malformed("it does not start with \"" + VERSION_LINE + "\" (it was written by another version of "
                        + "Migrator, or is not an index)");
            }
            String location = null;
            List<IndexedFile> files = new ArrayList<>();
            for (String line = nextLine(); line != null; line = nextLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("file\t")) {
                    files.add(file(line));
                } else if (line.startsWith("location\t")) {
                    location = unescape(line.substring("location\t".length()));
                } else if (line.startsWith("end\t")) {
                    long count = number(line.substring("end\t".length()), "file count");
                    if (count != files.size()) {
                        throw malformed("its end line counts " + count + " files but it lists " + files.size());
                    }
                    if (location == null) {
                        throw malformed("it names no location");
                    }
                    return new RevisionIndex(location, files);
                } else {
                    throw malformed("unexpected line \"" + abbreviate(line) + "\"");
                }
            }
            throw malformed("it has no end line (the file is truncated)");
        }

        private IndexedFile file(String line) {
            String[] f = new String[FIELDS];
            int start = "file\t".length();
            for (int i = 0; i < FIELDS; i++) {
                int tab = line.indexOf('\t', start);
                if (tab < 0 && i < FIELDS - 1) {
                    throw malformed("a file line has " + (i + 1) + " fields, expected " + FIELDS);
                }
                f[i] = line.substring(start, tab < 0 ? line.length() : tab);
                start = tab + 1;
            }
            String checksum = f[2];
            if (checksum.length() != 64) {
                throw malformed("\"" + abbreviate(checksum) + "\" is not a checksum");
            }
            Phase phase = switch (f[7]) {
                case "expand" -> Phase.EXPAND;
                case "contract" -> Phase.CONTRACT;
                default -> throw malformed("unknown phase \"" + abbreviate(f[7]) + "\"");
            };
            return new IndexedFile(unescape(f[0]), number(f[1], "size"), checksum, f[3], list(f[4]), list(f[5]),
                    list(f[6]), phase, bool(f[8]), duration(f[9]),
                    f[10].isEmpty() ? null : unescape(f[10]), unescape(f[11]), (int) number(f[12], "verify line"),
                    f[13].isEmpty() ? null : unescape(f[13]));
        }

        private boolean bool(String field) {
            return switch (field) {
                case "true" -> true;
                case "false" -> false;
                default -> throw malformed("\"" + abbreviate(field) + "\" is not true or false");
            };
        }

        private Duration duration(String field) {
            if (field.isEmpty()) {
                return null;
            }
            int colon = field.indexOf(':');
            if (colon < 0) {
                throw malformed("\"" + abbreviate(field) + "\" is not a lock timeout");
            }
            return Duration.ofSeconds(number(field.substring(0, colon), "lock timeout"),
                    number(field.substring(colon + 1), "lock timeout"));
        }

        private long number(String field, String what) {
            try {
                return Long.parseLong(field);
            } catch (NumberFormatException e) {
                throw malformed("\"" + abbreviate(field) + "\" is not a " + what);
            }
        }

        private static List<String> list(String field) {
            if (field.isEmpty()) {
                return List.of();
            }
            List<String> items = new ArrayList<>(2);
            int start = 0;
            for (int comma = field.indexOf(','); comma >= 0; comma = field.indexOf(',', start)) {
                items.add(field.substring(start, comma));
                start = comma + 1;
            }
            items.add(field.substring(start));
            return items;
        }

        private String nextLine() {
            if (position >= text.length()) {
                return null;
            }
            int end = text.indexOf('\n', position);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(position, end);
            position = end + 1;
            lineNumber++;
            return line;
        }

        private MigratorException malformed(String what) {
            return new MigratorException(ErrorCode.REVISION_INDEX_STALE, "The revision index " + where + " cannot be read: "
                    + (lineNumber > 0 ? "line " + lineNumber + ": " : "") + what + ". Rebuild it with this version of "
                    + "Migrator (run the build: the migrator:index goal writes it), or delete it to load the files "
                    + "without an index.");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    static String escape(String value) {
        StringBuilder escaped = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? value : escaped.toString();
    }

    static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' || i + 1 == value.length()) {
                plain.append(c);
                continue;
            }
            char next = value.charAt(++i);
            switch (next) {
                case 't' -> plain.append('\t');
                case 'n' -> plain.append('\n');
                case 'r' -> plain.append('\r');
                default -> plain.append(next);
            }
        }
        return plain.toString();
    }
}
