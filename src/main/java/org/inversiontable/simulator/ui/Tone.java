package org.inversiontable.simulator.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

/**
 * The buzzer, heard: a short tone on the desktop's speaker. Sound is a nicety: with no audio
 * device (a server, a container, a busy line) the first failure switches it off quietly and the
 * lamp alone shows the buzzer. Plays on its own daemon thread so the window never waits for it.
 */
interface Tone {
    void beep();

    default void close() {
    }

    Tone SILENT = () -> { };

    /** A 2.4 kHz, 120 ms beep, about the pitch of a piezo buzzer. */
    static Tone sampled() {
        return new Sampled();
    }

    final class Sampled implements Tone {
        private static final float RATE_HZ = 22_050f;
        private static final double PITCH_HZ = 2_400;
        private static final double LENGTH_S = 0.12;
        private final ExecutorService player = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "simulator-buzzer");
            t.setDaemon(true);
            return t;
        });
        private final byte[] samples = samples();
        private volatile boolean broken;

        @Override
        public void beep() {
            if (broken) {
                return;
            }
            try {
                player.execute(this::play);
            } catch (RejectedExecutionException closed) {
                broken = true;
            }
        }

        @Override
        public void close() {
            player.shutdownNow();
        }

        private void play() {
            AudioFormat format = new AudioFormat(RATE_HZ, 8, 1, true, false);
            try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
                line.open(format);
                line.start();
                line.write(samples, 0, samples.length);
                line.drain();
            } catch (Exception | LinkageError noAudio) {
                broken = true; // no device, no mixer, headless server: the lamp alone will do
            }
        }

        private static byte[] samples() {
            int n = (int) (RATE_HZ * LENGTH_S);
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                double fade = Math.min(1.0, Math.min(i, n - i) / (RATE_HZ * 0.01)); // no clicks
                out[i] = (byte) (90 * fade * Math.sin(2 * Math.PI * PITCH_HZ * i / RATE_HZ));
            }
            return out;
        }
    }
}
