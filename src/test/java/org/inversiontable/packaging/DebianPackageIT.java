package org.inversiontable.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb that {@code mvn package} built (target/inversion-table_VERSION_all.deb), read with
 * dpkg-deb: its contents (jar, launcher, unit, sysusers.d, tmpfiles.d, conffile), its control
 * fields (Depends, conffiles, maintainer scripts), the jar inside (no jsch, ARM natives only),
 * and the installed tree itself: its launcher starts its jar, and systemd-analyze verifies its unit.
 * An integration test (maven-failsafe, phase integration-test): it needs the package phase's .deb.
 */
class DebianPackageIT {
    private static final String DEPENDS =
            "openjdk-21-jre-headless | openjdk-25-jre-headless | temurin-21-jre | temurin-25-jre";
    private static final String CONFFILE = "/etc/inversion-table/table.conf";

    private static Path deb;

    @TempDir
    static Path dir;

    @BeforeAll
    static void findThePackage() throws IOException {
        assumeTrue(ProcessRun.onPath("dpkg-deb") != null, "dpkg-deb is not installed here (Debian: apt install dpkg)");
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> debs = files.filter(p -> p.getFileName().toString().matches("inversion-table_.+_all\\.deb")).toList();
            assertEquals(1, debs.size(), "one inversion-table_VERSION_all.deb in target/ (mvn package): " + debs);
            deb = debs.get(0).toAbsolutePath();
        }
    }

    @Test
    void thePackageHoldsTheJarTheLauncherTheUnitTheSystemdFilesAndTheConffile() throws Exception {
        ProcessRun list = ProcessRun.run(dir, "dpkg-deb", "-c", deb.toString());
        assertEquals(0, list.exitCode(), list::toString);
        Map<String, String> modeOf = new java.util.HashMap<>();
        for (String line : list.out().lines().toList()) {
            String[] f = line.trim().split("\\s+");
            modeOf.put(f[f.length - 1].replaceFirst("^\\./", "/"), f[0] + " " + f[1]);
        }
        System.out.println(deb.getFileName() + ":\n" + list.out());

        assertEquals("-rw-r--r-- root/root", modeOf.get("/usr/share/inversion-table/inversion-table.jar"));
        assertEquals("-rwxr-xr-x root/root", modeOf.get("/usr/bin/inversion-table"));
        assertEquals("-rw-r--r-- root/root", modeOf.get("/usr/lib/systemd/system/inversion-table.service"));
        assertEquals("-rw-r--r-- root/root", modeOf.get("/usr/lib/sysusers.d/inversion-table.conf"));
        assertEquals("-rw-r--r-- root/root", modeOf.get("/usr/lib/tmpfiles.d/inversion-table.conf"));
        assertEquals("-rw-r--r-- root/root", modeOf.get(CONFFILE));
        assertTrue(modeOf.keySet().stream().noneMatch(p -> p.startsWith("/var/")),
                "the state is made at install (tmpfiles.d, StateDirectory=), never shipped: " + modeOf.keySet());
    }

    @Test
    void theControlFieldsNameTheJavaItNeedsAndTheConffile() throws Exception {
        ProcessRun fields = ProcessRun.run(dir, "dpkg-deb", "-f", deb.toString(), "Package", "Architecture", "Depends");
        assertEquals(0, fields.exitCode(), fields::toString);
        assertEquals(List.of("Package: inversion-table", "Architecture: all", "Depends: " + DEPENDS),
                fields.out().lines().toList());

        Path control = dir.resolve("control");
        ProcessRun extract = ProcessRun.run(dir, "dpkg-deb", "-e", deb.toString(), control.toString());
        assertEquals(0, extract.exitCode(), extract::toString);
        assertEquals(List.of(CONFFILE), Files.readAllLines(control.resolve("conffiles")));
        for (String script : List.of("postinst", "prerm", "postrm")) {
            assertTrue(Files.isExecutable(control.resolve(script)), script);
            assertEquals(Files.readString(Path.of("packaging", "deb", script)), Files.readString(control.resolve(script)),
                    script + " as written in packaging/deb");
        }
    }

    @Test
    void theJarHoldsNoJschAndOnlyTheArmNatives() throws Exception {
        Path root = installedTree();
        Set<String> natives = new TreeSet<>();
        try (ZipFile jar = new ZipFile(root.resolve("usr/share/inversion-table/inversion-table.jar").toFile())) {
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("com/jcraft/")), "jsch is unused on a Pi");
            jar.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".jnilib") || n.endsWith(".a"))
                    .forEach(natives::add);
            assertTrue(jar.getEntry("META-INF/services/com.pi4j.extension.Plugin") != null, "Pi4J's plugin services");
            assertTrue(jar.getEntry("org/inversiontable/app/Main.class") != null);
        }
        assertEquals(Set.of(
                "com/sun/jna/linux-aarch64/libjnidispatch.so", "com/sun/jna/linux-arm/libjnidispatch.so",
                "lib/aarch64/pi4j-gpiod/libgpiod.so", "lib/aarch64/pi4j-gpiod/libpi4j-gpiod.so",
                "lib/aarch64/pi4j-linuxfs/libpi4j-linuxfs.so",
                "lib/armhf/pi4j-gpiod/libgpiod.so", "lib/armhf/pi4j-gpiod/libpi4j-gpiod.so",
                "lib/armhf/pi4j-linuxfs/libpi4j-linuxfs.so"), natives);
    }

    @Test
    void theInstalledLauncherStartsTheInstalledJar() throws Exception {
        Path root = installedTree();
        ProcessRun run = ProcessRun.run(List.of(root.resolve("usr/bin/inversion-table").toString(), "--version"),
                Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", System.getProperty("java.home")), dir);

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("inversion-table "), run::toString);
    }

    @Test
    void systemdAnalyzeVerifiesTheInstalledUnitAgainstTheInstalledLauncher() throws Exception {
        Path analyze = SystemdUnitTest.systemdAnalyze();
        Path root = installedTree();
        Path unit = root.resolve("usr/lib/systemd/system/inversion-table.service");
        String text = Files.readString(unit, StandardCharsets.UTF_8);
        assertEquals(Files.readString(SystemdUnitTest.UNIT, StandardCharsets.UTF_8), text);
        Path copy = dir.resolve("inversion-table.service");
        Files.writeString(copy, text.replace("ExecStart=/usr/bin/inversion-table ",
                "ExecStart=" + root.resolve("usr/bin/inversion-table") + " "));

        ProcessRun run = ProcessRun.run(dir, analyze.toString(), "verify", copy.toString());

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.out() + run.err());
    }

    /** The package unpacked as dpkg would install it, once for all tests. */
    private static synchronized Path installedTree() throws Exception {
        Path root = dir.resolve("root");
        if (!Files.isDirectory(root)) {
            ProcessRun x = ProcessRun.run(dir, "dpkg-deb", "-x", deb.toString(), root.toString());
            assertEquals(0, x.exitCode(), x::toString);
        }
        assertFalse(Files.notExists(root.resolve("usr/bin/inversion-table")));
        return root;
    }
}
