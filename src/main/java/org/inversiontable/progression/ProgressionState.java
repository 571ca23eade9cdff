package org.inversiontable.progression;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a profile's progression stands (SPEC §13), as journaled with the session.
 *
 * @param level              the level index n, 0 = the beginner's
 * @param comfortableDates   the distinct dates of comfortable sessions since the level last changed
 *                           (fewer than {@link #DATES_TO_GROW}), oldest first
 * @param notComfortableRun  counted sessions in a row, since the level last changed, that were not
 *                           comfortable (fewer than {@link #RUN_TO_DROP})
 */
public record ProgressionState(int level, List<LocalDate> comfortableDates, int notComfortableRun) {
    /** Comfortable sessions on this many different dates grow the level by one. */
    public static final int DATES_TO_GROW = 3;
    /** This many counted sessions in a row that were not comfortable drop the level by one. */
    public static final int RUN_TO_DROP = 2;

    public static final ProgressionState FIRST = new ProgressionState(0, List.of(), 0);

    public ProgressionState {
        if (level < 0) {
            throw new IllegalArgumentException("level must be >= 0, was " + level);
        }
        comfortableDates = List.copyOf(comfortableDates);
        if (comfortableDates.size() >= DATES_TO_GROW || comfortableDates.stream().distinct().count() != comfortableDates.size()) {
            throw new IllegalArgumentException("comfortableDates must be fewer than " + DATES_TO_GROW
                    + " distinct dates, was " + comfortableDates);
        }
        if (notComfortableRun < 0 || notComfortableRun >= RUN_TO_DROP) {
            throw new IllegalArgumentException("notComfortableRun must be within 0.." + (RUN_TO_DROP - 1)
                    + ", was " + notComfortableRun);
        }
    }

    /**
     * The state after a session.
     *
     * @param date     the session's start date (local, SPEC §13)
     * @param topLevel the level above which nothing would change ({@link LevelLimits#topLevel})
     */
    public ProgressionState after(SessionComfort comfort, LocalDate date, int topLevel) {
        Objects.requireNonNull(date, "date");
        return switch (comfort) {
            case NOT_COUNTED -> this;
            case COMFORTABLE -> {
                List<LocalDate> dates = new ArrayList<>(comfortableDates);
                if (!dates.contains(date)) {
                    dates.add(date);
                }
                if (dates.size() >= DATES_TO_GROW) {
                    // At the top the counts still start afresh: the history then says "at the ceiling".
                    yield new ProgressionState(Math.min(level + 1, Math.max(level, topLevel)), List.of(), 0);
                }
                yield new ProgressionState(level, dates, 0);
            }
            case NOT_COMFORTABLE -> notComfortableRun + 1 >= RUN_TO_DROP
                    ? new ProgressionState(Math.max(0, level - 1), List.of(), 0)
                    : new ProgressionState(level, comfortableDates, notComfortableRun + 1);
        };
    }

    /** The same state with its level kept at or below the top (a ceiling lowered since). */
    public ProgressionState atMost(int topLevel) {
        return level <= topLevel ? this : new ProgressionState(topLevel, List.of(), 0);
    }

    /** What the next step needs, in words for the history. */
    public String nextStep(int topLevel) {
        if (level >= topLevel) {
            return "at the ceiling";
        }
        int more = DATES_TO_GROW - comfortableDates.size();
        return more + " more comfortable session" + (more == 1 ? "" : "s") + " on different days";
    }
}
