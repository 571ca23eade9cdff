package org.inversiontable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers read from the sources themselves (STYLE: one-way layers that the folder tree shows):
 * a package never imports one that imports it back, through any chain, and Pi4J stays at the edge.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final String ROOT = "org.inversiontable";
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[A-Za-z_*][\\w]*;", Pattern.MULTILINE);
    private static final Pattern SAME_PACKAGE_USE = Pattern.compile("\\b(org\\.inversiontable(?:\\.[a-z]\\w*)+)\\.[A-Z]");

    @Test
    void noPackageImportsOneThatImportsItBack() throws IOException {
        Map<String, Set<String>> graph = packageGraph();
        List<List<String>> cycles = new Tarjan(graph).cycles();
        assertEquals(List.of(), cycles, "package cycles (each list is one strongly connected group): " + cycles);
    }

    @Test
    void theGraphSeesTheLayersItJudges() throws IOException {
        // Guards the test above against reading nothing: a parser that found no imports would pass it.
        Map<String, Set<String>> graph = packageGraph();
        assertTrue(graph.getOrDefault(ROOT + ".control", Set.of()).contains(ROOT + ".safety"), graph::toString);
        assertTrue(graph.getOrDefault(ROOT + ".app", Set.of()).contains(ROOT + ".config"), graph::toString);
    }

    @Test
    void tarjanFindsACycleThroughThreePackages() {
        Map<String, Set<String>> graph = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"),
                "d", Set.of("a")));
        assertEquals(List.of(List.of("a", "b", "c")), new Tarjan(graph).cycles());
    }

    @Test
    void onlyTheHardwarePi4jPackageImportsPi4j() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            String text = Files.readString(file);
            String pkg = packageOf(text);
            if (text.contains("import com.pi4j") && !pkg.startsWith(ROOT + ".hardware.pi4j")) {
                offenders.add(MAIN.relativize(file).toString());
            }
        }
        assertEquals(List.of(), offenders, "Pi4J outside hardware.pi4j");
    }

    /**
     * The files that may name the H-bridge port: the port, its adapter, the record that carries it
     * to the assembly, the gate, and replay's stand-in for the adapter (it drives nothing).
     */
    private static final Set<String> MAY_NAME_THE_HBRIDGE = Set.of(
            "org/inversiontable/hardware/HBridge.java",
            "org/inversiontable/hardware/TableHardware.java",
            "org/inversiontable/hardware/pi4j/Pi4jHBridge.java",
            "org/inversiontable/hardware/pi4j/Pi4jTableHardware.java",
            "org/inversiontable/process/ControllerAssembly.java",
            "org/inversiontable/replay/ReplayHBridge.java",
            "org/inversiontable/safety/MotorGate.java");
    private static final Pattern HBRIDGE_TYPE = Pattern.compile("\\bHBridge\\b");
    private static final Pattern MOTOR_ACCESSOR = Pattern.compile("\\.motor\\(\\)");
    private static final Pattern HBRIDGE_CUT_OR_POLL = Pattern.compile("\\.(inhibit|clearInhibit|pollWatchdog)\\(");

    @Test
    void onlyTheGateHoldsAndWritesTheHBridge() throws IOException {
        List<String> offenders = new ArrayList<>();
        int handovers = 0;
        for (Path file : sources()) {
            String name = MAIN.relativize(file).toString().replace('\\', '/');
            String code = withoutComments(Files.readString(file));
            if (HBRIDGE_TYPE.matcher(code).find() && !MAY_NAME_THE_HBRIDGE.contains(name)) {
                offenders.add(name + " names HBridge");
            }
            long accessors = MOTOR_ACCESSOR.matcher(code).results().count();
            if (accessors > 0 && !name.endsWith("process/ControllerAssembly.java")) {
                offenders.add(name + " takes the motor port out of TableHardware");
            }
            handovers += (int) accessors;
            if (HBRIDGE_CUT_OR_POLL.matcher(code).find() && !name.endsWith("safety/MotorGate.java")) {
                offenders.add(name + " writes the H-bridge's inhibit or watchdog");
            }
        }
        assertEquals(List.of(), offenders, "the H-bridge outside its gate");
        assertEquals(1, handovers, "the port must be handed to the gate in exactly one place");
    }

    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }

    static Map<String, Set<String>> packageGraph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (Path file : sources()) {
            String text = Files.readString(file);
            String pkg = packageOf(text);
            Set<String> deps = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
            for (Pattern p : List.of(IMPORT, SAME_PACKAGE_USE)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    String target = m.group(1);
                    if (target.startsWith(ROOT + ".") && !target.equals(pkg)) {
                        deps.add(packageOnly(target));
                    }
                }
            }
            deps.remove(pkg);
        }
        return graph;
    }

    /** {@code org.inversiontable.safety.FaultCode} (a nested type's import) is still the package. */
    private static String packageOnly(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("\\.")) {
            if (Character.isUpperCase(part.charAt(0))) {
                break;
            }
            out.append(out.isEmpty() ? "" : ".").append(part);
        }
        return out.toString();
    }

    static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    static String packageOf(String text) {
        Matcher m = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(text);
        return m.find() ? m.group(1) : "";
    }

    /** Tarjan's strongly connected components; a component of two or more packages is a cycle. */
    private static final class Tarjan {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new TreeMap<>();
        private final Map<String, Integer> low = new TreeMap<>();
        private final List<String> stack = new ArrayList<>();
        private final List<List<String>> cycles = new ArrayList<>();
        private int next;

        Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<List<String>> cycles() {
            for (String node : graph.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return cycles;
        }

        private void visit(String node) {
            index.put(node, next);
            low.put(node, next);
            next++;
            stack.add(node);
            for (String to : graph.getOrDefault(node, Set.of())) {
                if (!index.containsKey(to)) {
                    visit(to);
                    low.put(node, Math.min(low.get(node), low.get(to)));
                } else if (stack.contains(to)) {
                    low.put(node, Math.min(low.get(node), index.get(to)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                List<String> component = new ArrayList<>();
                String member;
                do {
                    member = stack.remove(stack.size() - 1);
                    component.add(member);
                } while (!member.equals(node));
                if (component.size() > 1) {
                    component.sort(String::compareTo);
                    cycles.add(component);
                }
            }
        }
    }
}
