package io.github.edfisdk.load;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Shows a running load: on a terminal one status line redrawn in place five times a second; otherwise (a log, a CI
 * job) a plain line every five seconds.
 */
final class Progress implements AutoCloseable {
    private final PrintStream out;
    private final boolean terminal;
    private final Supplier<String> line;
    private final ScheduledExecutorService timer;
    private int lastWidth;

    Progress(PrintStream out, boolean terminal, Supplier<String> line) {
        this.out = out;
        this.terminal = terminal;
        this.line = line;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "edfi-load-progress");
            t.setDaemon(true);
            return t;
        });
        long period = terminal ? 200 : 5000;
        timer.scheduleAtFixedRate(this::show, period, period, TimeUnit.MILLISECONDS);
    }

    /** {@code [#########...........]  45% 12345/27000}. */
    static String bar(long done, long total) {
        int width = 30;
        long d = Math.min(done, total);
        int filled = (int) (width * d / total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + String.format("%3d%% %d/%d",
                100 * d / total, done, total);
    }

    private synchronized void show() {
        String s = line.get();
        if (terminal) {
            String padded = s.length() < lastWidth ? s + " ".repeat(lastWidth - s.length()) : s;
            lastWidth = s.length();
            out.print("\r" + padded);
        } else {
            out.println(s);
        }
        out.flush();
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (terminal && lastWidth > 0) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
            out.flush();
        }
    }
}
