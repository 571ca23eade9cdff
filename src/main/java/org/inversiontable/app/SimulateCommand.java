package org.inversiontable.app;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.inversiontable.config.Config;
import org.inversiontable.config.ConfigFileException;
import org.inversiontable.control.TableState;
import org.inversiontable.hardware.Button;
import org.inversiontable.simulator.RealTimeSimulation;
import org.inversiontable.simulator.ui.SimulatorScreenshot;
import org.inversiontable.simulator.ui.SimulatorUi;
import org.inversiontable.session.SessionFiles;
import org.inversiontable.time.SystemClock;

/**
 * {@code simulate [--config FILE]} (SPEC §8): the real controller on the real-time runtime over the
 * simulated table, in a window when a display is present, otherwise on the terminal's keyboard.
 * The session journal, the history and the flight recorder live in the simulator's state
 * directory, so a restart carries the session over as on a real table.
 */
public final class SimulateCommand {
    /** How long the screenshot's scripted press of DOWN lasts: long enough to leave home visibly. */
    static final long SCREENSHOT_DOWN_MILLIS = 22_000;
    /** Set to true, {@code simulate} also prints {@link #STARTUP_REPORT_PREFIX} and its start-up in ms (for {@code bench}). */
    public static final String STARTUP_REPORT_PROPERTY = "inversiontable.startupReport";
    public static final String STARTUP_REPORT_PREFIX = "simulate: startup_ms=";

    private final ConfigLoader configs;
    private final Path stateDir;

    SimulateCommand(ConfigLoader configs, Path stateDir) {
        this.configs = configs;
        this.stateDir = stateDir;
    }

    /** @return an {@link ExitCode} */
    public int run(Optional<Path> configFile, double userKg, Optional<Path> screenshot, PrintStream out,
            PrintStream err) {
        Config config;
        try {
            config = configFile.isPresent() ? configs.load(configFile.get()) : Config.defaults();
        } catch (ConfigFileException e) {
            err.println(e.getMessage());
            return ExitCode.BAD_INPUT;
        }
        if (!(userKg >= 40.0 && userKg <= 150.0)) {
            err.println("simulate: --user-kg must be within 40..150, was " + userKg);
            return ExitCode.BAD_INPUT;
        }
        Path journalDir = SessionFiles.journalDir(config, stateDir);
        try {
            Files.createDirectories(stateDir);
            Files.createDirectories(journalDir);
        } catch (IOException | SecurityException e) {
            err.println("simulate: cannot create the simulator's state directory " + stateDir + " (" + e.getMessage()
                    + "); set XDG_STATE_HOME or journal_dir to a writable folder");
            return ExitCode.BAD_INPUT;
        }
        if (screenshot.isPresent()) {
            return screenshot(config, journalDir, userKg, screenshot.get(), out, err);
        }
        RealTimeSimulation sim = RealTimeSimulation.start(config, stateDir, journalDir, userKg, new SystemClock());
        sim.installShutdownHook();
        reportStartup(sim, err);
        CountDownLatch quit = new CountDownLatch(1);
        SimulatorUi.Face face = SimulatorUi.open(sim, quit::countDown);
        if (face == SimulatorUi.Face.TERMINAL && GraphicsEnvironment.isHeadless()) {
            err.println("simulate: no display, so the keyboard in this terminal drives the table");
        }
        try {
            quit.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sim.close();
        out.println("simulate: " + sim.ticks() + " ticks; " + sim.periodStats());
        out.println("simulate: the trace of the last sessions is in " + sim.recorderDirectory()
                + " (plot or replay any file there)");
        return ExitCode.OK;
    }

    /**
     * Start-up time to the first tick, from the JVM's own start stamp: the same figure for the person
     * at the console and for {@code bench} (SPEC §11 startup_ms). Not the process's start instant
     * that /proc gives: Linux derives it from the boot time in whole seconds, and after the wall
     * clock was stepped since boot it was off by 0.3 s here, once by 8 s.
     */
    private static void reportStartup(RealTimeSimulation sim, PrintStream err) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sim.ticks() == 0 && System.nanoTime() < deadline) {
            // A short park, not a spin: a spinning main thread would take a core from the control thread.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        long sinceJvmStartMs = ManagementFactory.getRuntimeMXBean().getUptime();
        err.println("simulate: first tick " + sinceJvmStartMs + " ms after the JVM started; the trace of this session"
                + " goes to " + sim.recorderDirectory());
        if (Boolean.getBoolean(STARTUP_REPORT_PROPERTY)) {
            err.println(STARTUP_REPORT_PREFIX + sinceJvmStartMs);
        }
    }

    /** The window's picture after a scripted press of DOWN, drawn without a display. */
    private int screenshot(Config config, Path journalDir, double userKg, Path png, PrintStream out,
            PrintStream err) {
        try (RealTimeSimulation sim = RealTimeSimulation.start(config, stateDir, journalDir, userKg,
                new SystemClock())) {
            // A button held through the boot is not a press (SPEC §4): wait for IDLE first.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (sim.status().state() != TableState.IDLE && System.nanoTime() < deadline) {
                sleep(20);
            }
            SimulatorScreenshot.Camera camera = SimulatorScreenshot.camera(sim);
            sim.setButton(Button.DOWN, true);
            follow(camera, SCREENSHOT_DOWN_MILLIS);
            sim.setButton(Button.DOWN, false);
            follow(camera, 1_500);
            camera.write(png);
            out.println("simulate: wrote " + png + " (DOWN held " + SCREENSHOT_DOWN_MILLIS / 1000 + " s from home; "
                    + String.format(java.util.Locale.ROOT, "%.1f", sim.status().angleTrueDeg()) + " deg now)");
            return ExitCode.OK;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("simulate: cannot write the screenshot " + png + ": " + e.getMessage());
            return ExitCode.BAD_INPUT;
        }
    }

    /** Lets the picture's chart follow the simulation for a while, as the window's timer does. */
    private static void follow(SimulatorScreenshot.Camera camera, long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            camera.refresh();
            sleep(33);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
