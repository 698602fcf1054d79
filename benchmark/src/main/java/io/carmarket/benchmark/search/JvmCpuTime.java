package io.carmarket.benchmark.search;

import java.lang.management.ManagementFactory;

/** CPU time used so far by the JVM's live Java threads, in nanoseconds. */
final class JvmCpuTime {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private JvmCpuTime() {
    }

    static long nanos() {
        long total = 0;
        for (long time : THREADS.getThreadCpuTime(THREADS.getAllThreadIds())) {
            if (time > 0) {
                total += time;
            }
        }
        return total;
    }
}
