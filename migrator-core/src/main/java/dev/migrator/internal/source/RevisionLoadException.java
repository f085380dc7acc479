package dev.migrator.internal.source;

import dev.migrator.ErrorCode;
import dev.migrator.MigratorException;
import java.util.ArrayList;
import java.util.List;

/**
 * A revision file or class is malformed, or a location cannot be read. The message names the file (and line) and what to do.
 *
 * <p>Loading reports every malformed revision at once: one exception whose {@link #problems()} are
 * each a {@code <source>:<line>: <what is wrong>. <what to do>} line, and whose message lists them all
 * (a single problem is the whole message).
 */
public class RevisionLoadException extends MigratorException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** A malformed revision ({@link ErrorCode#REVISION_MALFORMED}). */
    public RevisionLoadException(String message) {
        super(ErrorCode.REVISION_MALFORMED, message);
        this.problems = List.of(message);
    }

    /** A malformed revision ({@link ErrorCode#REVISION_MALFORMED}). */
    public RevisionLoadException(String message, Throwable cause) {
        super(ErrorCode.REVISION_MALFORMED, message, cause);
        this.problems = List.of(message);
    }

    public RevisionLoadException(ErrorCode code, String message) {
        super(code, message);
        this.problems = List.of(message);
    }

    public RevisionLoadException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
        this.problems = List.of(message);
    }

    private RevisionLoadException(List<String> problems) {
        super(ErrorCode.REVISION_MALFORMED, message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem on its own: {@code <source>[:<line>]: <what is wrong>. <what to do>}. */
    public List<String> problems() {
        return problems;
    }

    /** One exception for the problems of a file (at least one), {@link ErrorCode#REVISION_MALFORMED}. */
    static RevisionLoadException of(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problem to report");
        }
        return problems.size() == 1 ? new RevisionLoadException(problems.get(0)) : new RevisionLoadException(problems);
    }

    /**
     * One exception for the failures of several files and classes, in the order given: the failure itself
     * when there is one, else an exception listing every problem, with each failure as a suppressed
     * exception (so a cause such as an I/O error stays visible).
     */
    static RevisionLoadException combine(List<RevisionLoadException> failures) {
        if (failures.size() == 1) {
            return failures.get(0);
        }
        List<String> all = new ArrayList<>();
        for (RevisionLoadException failure : failures) {
            all.addAll(failure.problems());
        }
        RevisionLoadException combined = new RevisionLoadException(all);
        for (RevisionLoadException failure : failures) {
            combined.addSuppressed(failure);
        }
        return combined;
    }

    private static String message(List<String> problems) {
        StringBuilder message = new StringBuilder().append(problems.size())
                .append(" problems in the revisions (nothing was run; fix them all, then load again):");
        for (String problem : problems) {
            message.append("\n  ").append(problem);
        }
        return message.toString();
    }
}
