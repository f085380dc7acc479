package dev.migrator.cli;

import dev.migrator.commands.render.Printer;
import java.io.PrintWriter;

/**
 * Human output on the terminal. A progress line is rewritten in place on a terminal; when the output is a
 * file or a pipe (a CI log), it is printed as a line at most once a second, so a long backfill does not write
 * thousands of lines.
 */
final class TerminalPrinter implements Printer {

    private static final long PROGRESS_INTERVAL_NANOS = 1_000_000_000L;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private boolean progressShown;
    private long lastProgress;

    TerminalPrinter(PrintWriter out, PrintWriter err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void line(String text) {
        endProgress();
        out.println(text);
        out.flush();
    }

    @Override
    public void progress(String text) {
        if (terminal) {
            out.print("\r\033[K" + text);
            out.flush();
            progressShown = true;
            return;
        }
        long now = System.nanoTime();
        if (!progressShown || now - lastProgress >= PROGRESS_INTERVAL_NANOS) {
            out.println(text);
            out.flush();
            progressShown = true;
            lastProgress = now;
        }
    }

    @Override
    public void warn(String text) {
        endProgress();
        err.println("warning: " + text);
        err.flush();
    }

    private void endProgress() {
        if (progressShown && terminal) {
            out.println();
        }
        progressShown = false;
    }
}
