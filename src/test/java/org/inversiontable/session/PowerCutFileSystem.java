package org.inversiontable.session;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * An in-memory file system that models what survives a power cut, as a journaling Linux file
 * system behaves: file content is durable only once forced; names (create, rename, delete) are
 * durable once the directory is forced, and before that any prefix of the pending name changes
 * may have reached the disk; content never forced may come back empty, cut short or whole.
 *
 * <p>{@link #cutPowerAtStep(int)} stops the program before the n-th mutating operation (a
 * {@code write} is torn half-way); {@link #failAtStep(int, String)} makes the n-th operation throw
 * an IOException instead (the program goes on); {@link #reboot(Random)} then keeps only what
 * would have reached the disk.
 */
final class PowerCutFileSystem implements DurableFileSystem {
    /** Thrown out of the operation at which the power went. */
    static final class PowerCut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PowerCut() {
            super("power cut");
        }
    }

    private record Inode(byte[] content, byte[] durableContent, boolean forced) {
    }

    private sealed interface NameChange {
    }

    private record Bind(Path name, int inode) implements NameChange {
    }

    private record Unbind(Path name) implements NameChange {
    }

    private final Map<Integer, Inode> inodes = new HashMap<>();
    private Map<Path, Integer> names = new HashMap<>();
    private Map<Path, Integer> durableNames = new HashMap<>();
    private final List<NameChange> pending = new ArrayList<>();
    private int nextInode = 1;
    private int step;
    private int cutAt = Integer.MAX_VALUE;
    private int failAt = Integer.MAX_VALUE;
    private String failReason = "";
    private final List<String> log = new ArrayList<>();

    void cutPowerAtStep(int n) {
        step = 0;
        cutAt = n;
    }

    void failAtStep(int n, String reason) {
        step = 0;
        failAt = n;
        failReason = reason;
    }

    List<String> log() {
        return log;
    }

    /** Like a power cut and a boot: only what reached the disk is left. */
    void reboot(Random random) {
        int applied = pending.isEmpty() ? 0 : random.nextInt(pending.size() + 1);
        Map<Path, Integer> after = new HashMap<>(durableNames);
        for (NameChange c : pending.subList(0, applied)) {
            switch (c) {
                case Bind b -> after.put(b.name(), b.inode());
                case Unbind u -> after.remove(u.name());
            }
        }
        for (Map.Entry<Integer, Inode> e : inodes.entrySet()) {
            Inode inode = e.getValue();
            byte[] survived = inode.forced() ? inode.durableContent() : unforced(inode, random);
            e.setValue(new Inode(survived, survived, true));
        }
        names = after;
        durableNames = new HashMap<>(after);
        pending.clear();
        cutAt = Integer.MAX_VALUE;
        failAt = Integer.MAX_VALUE;
    }

    private static byte[] unforced(Inode inode, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> new byte[0];
            case 1 -> Arrays.copyOf(inode.content(), random.nextInt(inode.content().length + 1));
            default -> inode.content();
        };
    }

    private void step(String what) throws IOException {
        step++;
        if (step == cutAt) {
            log.add("cut before " + what);
            throw new PowerCut();
        }
        if (step == failAt) {
            log.add("fail " + what);
            throw new IOException(failReason);
        }
        log.add(what);
    }

    private void bind(Path name, int inode) {
        names.put(name, inode);
        pending.add(new Bind(name, inode));
    }

    private void unbind(Path name) {
        names.remove(name);
        pending.add(new Unbind(name));
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        step("mkdir");
    }

    @Override
    public void write(Path file, byte[] content) throws IOException {
        step++;
        if (step == cutAt) {
            // torn: half the bytes reached the page cache
            int id = nextInode++;
            inodes.put(id, new Inode(Arrays.copyOf(content, content.length / 2), new byte[0], false));
            bind(file, id);
            log.add("cut during write");
            throw new PowerCut();
        }
        if (step == failAt) {
            log.add("fail write");
            throw new IOException(failReason);
        }
        log.add("write");
        Integer existing = names.get(file);
        int id = existing != null ? existing : nextInode++;
        Inode old = inodes.get(id);
        inodes.put(id, new Inode(content.clone(), old == null ? new byte[0] : old.durableContent(), false));
        if (existing == null) {
            bind(file, id);
        }
    }

    @Override
    public void force(Path file) throws IOException {
        step("force");
        Integer id = names.get(file);
        if (id == null) {
            throw new NoSuchFileException(file.toString());
        }
        Inode inode = inodes.get(id);
        inodes.put(id, new Inode(inode.content(), inode.content(), true));
    }

    @Override
    public void atomicMove(Path source, Path target) throws IOException {
        step("move");
        Integer id = names.get(source);
        if (id == null) {
            throw new NoSuchFileException(source.toString());
        }
        unbind(source);
        bind(target, id);
    }

    @Override
    public void forceDirectory(Path dir) throws IOException {
        step("force dir");
        durableNames = new HashMap<>(names);
        pending.clear();
    }

    @Override
    public Optional<byte[]> read(Path file, int maxBytes) {
        Integer id = names.get(file);
        if (id == null) {
            return Optional.empty();
        }
        byte[] content = inodes.get(id).content();
        return Optional.of(Arrays.copyOf(content, Math.min(content.length, maxBytes + 1)));
    }

    @Override
    public void deleteIfExists(Path file) throws IOException {
        step("delete");
        if (names.containsKey(file)) {
            unbind(file);
        }
    }

    boolean exists(Path file) {
        return names.containsKey(file);
    }
}
