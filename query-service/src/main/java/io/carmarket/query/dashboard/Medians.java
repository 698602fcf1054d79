package io.carmarket.query.dashboard;

import java.util.Map;
import java.util.NavigableMap;

/** The median of values kept as a histogram (value -> how many times): exact at the histogram's unit. */
final class Medians {

    private Medians() {
    }

    /** @return the median, the mean of the two middle values for an even count; null for no values */
    static Double of(NavigableMap<Long, Long> histogram) {
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long lowerRank = (total - 1) / 2;
        long upperRank = total / 2;
        Long lower = null;
        long seen = 0;
        for (Map.Entry<Long, Long> bucket : histogram.entrySet()) {
            long next = seen + bucket.getValue();
            if (lower == null && lowerRank < next) {
                lower = bucket.getKey();
            }
            if (upperRank < next) {
                return (lower + bucket.getKey()) / 2.0;
            }
            seen = next;
        }
        throw new IllegalStateException("unreachable: the ranks are below the total");
    }
}
