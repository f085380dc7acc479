package dev.migrator.autoconfigure;

import dev.migrator.FailureAdvice;
import dev.migrator.MigratorException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Ends a start that Migrator failed with Boot's "APPLICATION FAILED TO START" report: the description is
 * Migrator's message (revision, file and line, statement, SQLSTATE), the action what to do about that
 * class of failure. The action is chosen by {@link MigratorException#code()}, never by message text, from
 * the core's one table of advice ({@link FailureAdvice}), so the CLI, the engine's own messages and this
 * report never give two different pieces of advice for one failure. Without it, Migrator's message is the
 * fifth {@code Caused by} under an error about the bean that happened to need the database first.
 */
class MigratorFailureAnalyzer extends AbstractFailureAnalyzer<MigratorException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigratorException cause) {
        return new FailureAnalysis(cause.getMessage() + "\n\n(Migrator error code " + cause.code() + ")",
                FailureAdvice.of(cause.code()), cause);
    }
}
