package org.inversiontable.simulator.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.inversiontable.simulator.SimulatorControls;
import org.inversiontable.time.SystemClock;

/**
 * The simulator without a display. On a terminal the keyboard is read raw (the tty is put in
 * {@code stty -icanon -echo min 0 time 1} and restored on quit, on Ctrl-C and at JVM shutdown)
 * and one status line is redrawn in place; keys follow {@link TerminalKeys}' hold-to-run scheme.
 * When stdin or stdout is not a terminal (piped, a file), it reads {@link LineCommands} a line at
 * a time and prints the status line once a second; the end of the input quits.
 *
 * <pre>{@code
 * TerminalSimulator.start(simulation, done::countDown); // returns at once
 * }</pre>
 */
public final class TerminalSimulator {
    static final long TICK_MS = 25;
    static final int REDRAW_EVERY_TICKS = 4;
    static final int LINE_STATUS_EVERY_TICKS = 40;

    private final SimulatorControls controls;
    private final InputStream in;
    private final PrintStream out;
    private final Runnable onQuit;
    private final TerminalKeys keys;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "simulator-terminal-tick"));
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final String savedTty;
    private final int width;
    private Thread shutdownHook;
    private long ticks;

    private TerminalSimulator(SimulatorControls controls, Runnable onQuit, InputStream in, PrintStream out, boolean raw) {
        this.controls = controls;
        this.in = in;
        this.out = out;
        this.onQuit = onQuit;
        this.keys = new TerminalKeys(controls, new SystemClock(), this::quit);
        this.savedTty = raw ? Tty.makeRaw() : null;
        this.width = savedTty == null ? 160 : Tty.columns();
    }

    /** On System.in and System.out: raw keys on a terminal, lines otherwise. */
    public static TerminalSimulator start(SimulatorControls controls, Runnable onQuit) {
        return start(controls, onQuit, System.in, System.out, Tty.isInteractive());
    }

    static TerminalSimulator start(SimulatorControls controls, Runnable onQuit, InputStream in, PrintStream out,
                                   boolean raw) {
        TerminalSimulator t = new TerminalSimulator(controls, onQuit, in, out, raw);
        t.begin();
        return t;
    }

    /** Whether the keyboard is read raw (false: line commands). */
    public boolean raw() {
        return savedTty != null;
    }

    private void begin() {
        if (raw()) {
            shutdownHook = new Thread(this::restoreTty, "simulator-tty-restore");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            out.println("Inversion table simulator \u2014 terminal keys (no display)");
            TerminalKeys.HELP.forEach(out::println);
            out.print(faultsInColumns());
            out.println();
        } else {
            out.println("Inversion table simulator \u2014 reading commands, one a line (stdin is not a terminal)");
            out.print(LineCommands.HELP);
        }
        out.flush();
        ticker.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        daemon(raw() ? this::readKeys : this::readLines, "simulator-terminal-input").start();
    }

    /** Lets go of every button, stops the threads and restores the terminal; does not call onQuit. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        keys.releaseAll();
        ticker.shutdownNow();
        restoreTty();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or will: it restores the tty itself
            }
        }
        out.println();
        out.flush();
    }

    private void quit() {
        if (!stopped.get()) {
            stop();
            onQuit.run();
        }
    }

    private void tick() {
        try {
            keys.tick();
            ticks++;
            if (raw() && ticks % REDRAW_EVERY_TICKS == 0) {
                out.print("\r\033[2K" + StatusLine.format(controls.status(), keys.holdText(), width - 1));
                out.flush();
            } else if (!raw() && ticks % LINE_STATUS_EVERY_TICKS == 0) {
                out.println(StatusLine.format(controls.status(), keys.holdText(), width));
            }
        } catch (RuntimeException e) {
            // The display is auxiliary (SPEC §12): report it and keep the hold timers running.
            out.println("\nsimulator terminal: " + e);
        }
    }

    private void readKeys() {
        try {
            while (!stopped.get()) {
                int b = in.read(); // -1 every 100 ms without a key (VMIN 0, VTIME 1): not an end
                if (b >= 0) {
                    keys.feed(b);
                }
            }
        } catch (IOException e) {
            out.println("\nkeyboard lost (" + e.getMessage() + "): quitting");
            quit();
        }
    }

    private void readLines() {
        LineCommands commands = new LineCommands(controls, keys, out::println, this::quit);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while (!stopped.get() && (line = lines.readLine()) != null) {
                double waitS = commands.execute(line);
                if (waitS > 0) {
                    Thread.sleep((long) (waitS * 1000));
                }
            }
            if (!stopped.get()) {
                out.println("end of input: releasing every button and quitting");
                quit();
            }
        } catch (IOException e) {
            out.println("input lost (" + e.getMessage() + "): quitting");
            quit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            quit();
        }
    }

    private void restoreTty() {
        if (savedTty != null) {
            Tty.restore(savedTty);
        }
    }

    private static String faultsInColumns() {
        String[] lines = TerminalKeys.faultList().split("\n");
        StringBuilder out = new StringBuilder("Faults:\n");
        int half = (lines.length + 1) / 2;
        for (int i = 0; i < half; i++) {
            out.append(String.format(Locale.ROOT, "  %-48s %s%n", lines[i], i + half < lines.length ? lines[i + half] : ""));
        }
        return out.toString();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The controlling terminal, through stty: no native code, no library. */
    static final class Tty {
        private Tty() {
        }

        /** stdin and stdout are both a terminal (System.console() cannot tell on JDK 22+). */
        static boolean isInteractive() {
            try {
                Process p = new ProcessBuilder("sh", "-c", "[ -t 0 ] && [ -t 1 ]")
                        .redirectInput(ProcessBuilder.Redirect.INHERIT)
                        .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                return p.waitFor() == 0;
            } catch (IOException e) {
                return false; // no sh (Windows): lines
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** Puts the tty in raw-ish mode and returns its saved settings, or null when stty failed. */
        static String makeRaw() {
            String saved = stty("-g");
            if (saved == null || saved.isBlank() || stty("-icanon -echo min 0 time 1") == null) {
                return null;
            }
            return saved.strip();
        }

        static void restore(String saved) {
            stty(saved);
        }

        static int columns() {
            String size = stty("size");
            try {
                return size == null ? 100 : Math.max(40, Integer.parseInt(size.strip().split("\\s+")[1]));
            } catch (RuntimeException e) {
                return 100;
            }
        }

        private static String stty(String args) {
            try {
                Process p = new ProcessBuilder("sh", "-c", "stty " + args + " < /dev/tty")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String result = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                return p.waitFor() == 0 ? result : null;
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }
}
