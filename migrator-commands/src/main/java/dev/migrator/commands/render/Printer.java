package dev.migrator.commands.render;

/** Where human-readable output goes: a terminal for the command line, the build log for the Maven plugin. */
public interface Printer {

    void line(String text);

    /**
     * A line that replaces the previous progress line where the output allows it (a terminal); elsewhere an
     * ordinary line. The next {@link #line} ends the progress line.
     */
    default void progress(String text) {
        line(text);
    }

    /** A warning: stays visible among ordinary lines (the build log shows it as a warning). */
    default void warn(String text) {
        line("warning: " + text);
    }
}
