package org.inversiontable.pi;

/**
 * Tells the service manager how the program stands (systemd's {@code Type=notify}, SPEC §12):
 * READY once the self-test has passed, WATCHDOG from the control thread while it is healthy,
 * STOPPING at an orderly stop. Implementations are safe to call from any thread.
 */
public interface ServiceNotifier {
    /** Not under systemd (no {@code NOTIFY_SOCKET}): every call does nothing. Stateless. */
    ServiceNotifier NONE = new ServiceNotifier() {
        @Override
        public void ready() {
        }

        @Override
        public void watchdog() {
        }

        @Override
        public void stopping() {
        }
    };

    /** {@code READY=1}: start-up, self-test included, is done. */
    void ready();

    /** {@code WATCHDOG=1}: the control thread is alive and on time. */
    void watchdog();

    /** {@code STOPPING=1}: an orderly stop has begun. */
    void stopping();
}
