package org.inversiontable.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The meter sees a known allocation, and nothing where nothing is allocated. */
class BenchAllocationMeterTest {
    private Object sink;
    private long sum;

    private static AllocationMeter meter() {
        try {
            return AllocationMeter.forThisThread();
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("this JVM does not count a thread's allocations");
            return null;
        }
    }

    @Test
    void aBodyThatAllocatesAKilobyteArrayCountsAtLeastThat() {
        AllocationMeter meter = meter();
        double perCall = meter.bytesPerCall(() -> sink = new byte[1024], 10_000);
        assertTrue(perCall >= 1024 && perCall < 1024 + 64, "a 1 KB array and its header: " + perCall);
    }

    @Test
    void aBodyThatAllocatesNothingCountsZero() {
        AllocationMeter meter = meter();
        Runnable body = () -> sum += 3;
        meter.bytesPerCall(body, 50_000); // warm-up
        assertEquals(0.0, meter.bytesPerCall(body, 100_000), 0.01);
        meter.overheadBytes(10_000); // warm-up: a first, interpreted call may load a class
        long overhead = meter.overheadBytes(10_000);
        assertTrue(overhead < 1_000, "10,000 reads of the counter allocate (next to) nothing: " + overhead);
    }

    @Test
    void aTallyAveragesOverItsCalls() {
        AllocationMeter.Tally t = new AllocationMeter.Tally();
        assertEquals(0.0, t.bytesPerCall());
        t.add(10);
        t.add(30);
        assertEquals(20.0, t.bytesPerCall());
        assertEquals(2, t.calls());
    }
}
