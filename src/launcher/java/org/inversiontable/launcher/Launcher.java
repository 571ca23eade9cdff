package org.inversiontable.launcher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The jar's entry point, compiled for Java 8 on purpose: it checks the Java version before any
 * class that needs Java 21 is loaded, so an old Java gets one line that says what to do, not an
 * {@code UnsupportedClassVersionError}. Then it hands over to the real {@code Main}.
 */
public final class Launcher {
    static final int REQUIRED_JAVA = 21;

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        int feature = featureVersion(System.getProperty("java.specification.version", "0"));
        if (feature < REQUIRED_JAVA) {
            System.err.println("inversion-table needs Java " + REQUIRED_JAVA + " or newer; this is Java "
                    + System.getProperty("java.version") + " (" + System.getProperty("java.home") + "). "
                    + "Install one (sudo apt-get install openjdk-21-jre-headless, or openjdk-25) or use ./dev, "
                    + "which finds one.");
            System.exit(2);
        }
        Method main = Class.forName("org.inversiontable.app.Main").getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** "1.8" is Java 8; "17" and "21" are themselves. */
    static int featureVersion(String specification) {
        String s = specification.startsWith("1.") ? specification.substring(2) : specification;
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(s.substring(0, end));
    }
}
