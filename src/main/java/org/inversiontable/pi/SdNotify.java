package org.inversiontable.pi;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Map;
import org.tinylog.Logger;

/**
 * {@link ServiceNotifier} through libsystemd's {@code sd_notify(3)}, called through JNA.
 *
 * <pre>{@code
 * ServiceNotifier notifier = SdNotify.fromEnvironment(System.getenv());   // NONE without NOTIFY_SOCKET
 * notifier.ready();
 * }</pre>
 *
 * <p>Why JNA: systemd's notify socket is a UNIX datagram socket, and Java's UNIX-domain channels
 * are stream-only ({@code DatagramChannel.open(UNIX)} throws "Protocol family not supported");
 * a {@code systemd-notify} subprocess needs {@code NotifyAccess=all} and races the process's
 * exit. JNA is already on the class path (pi4j-plugin-linuxfs depends on it), so this adds no
 * dependency. Thread-safe: {@code sd_notify} keeps no state between calls (it opens, sends and
 * closes a socket each time), and this class has none.
 */
public final class SdNotify implements ServiceNotifier {
    /** The one function used, as libsystemd declares it. */
    interface LibSystemd extends Library {
        int sd_notify(int unsetEnvironment, String state);
    }

    private final LibSystemd lib;

    private SdNotify(LibSystemd lib) {
        this.lib = lib;
    }

    /**
     * The notifier for this process: {@link ServiceNotifier#NONE} when {@code NOTIFY_SOCKET} is not
     * set (not started by systemd, or not {@code Type=notify}), or when libsystemd cannot be loaded
     * (logged: under {@code Type=notify} systemd then stops the service for want of READY).
     */
    public static ServiceNotifier fromEnvironment(Map<String, String> environment) {
        String socket = environment.getOrDefault("NOTIFY_SOCKET", "").trim();
        if (socket.isEmpty()) {
            return NONE;
        }
        try {
            return new SdNotify(load());
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            Logger.error("NOTIFY_SOCKET is set but libsystemd cannot be loaded ({}): systemd will not hear READY or"
                    + " WATCHDOG; install libsystemd0", e.getMessage());
            return NONE;
        }
    }

    private static LibSystemd load() {
        try {
            return Native.load("systemd", LibSystemd.class);
        } catch (UnsatisfiedLinkError e) {
            // Without the -dev package there is no unversioned libsystemd.so.
            return Native.load("libsystemd.so.0", LibSystemd.class);
        }
    }

    @Override
    public void ready() {
        send("READY=1");
    }

    @Override
    public void watchdog() {
        send("WATCHDOG=1");
    }

    @Override
    public void stopping() {
        send("STOPPING=1");
    }

    private void send(String state) {
        int result = lib.sd_notify(0, state);
        if (result < 0) {
            Logger.warn("sd_notify({}) failed with {}", state, result);
        }
    }
}
