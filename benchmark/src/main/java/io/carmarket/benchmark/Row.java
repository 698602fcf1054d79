package io.carmarket.benchmark;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One line of the table: a metric across runs, its target (null: none), and whether larger is better. */
public record Row(String id, String name, String unit, Double target, boolean higherIsBetter, List<Double> values) {
    Double median() {
        List<Double> sorted = values.stream().filter(Objects::nonNull).sorted().toList();
        if (sorted.isEmpty()) {
            return null;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    Double min() {
        return values.stream().filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }

    Double max() {
        return values.stream().filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }

    String verdict() {
        Double median = median();
        if (target == null) {
            return "";
        }
        if (median == null) {
            return "not measured";
        }
        boolean met = higherIsBetter ? median >= target : median <= target;
        if (met) {
            return "met";
        }
        double gap = Math.abs(median - target);
        return String.format("**missed** by %s %s (%.0f%%)", Benchmark.fmt(gap), unit, 100 * gap / target);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("metric", name);
        map.put("unit", unit);
        map.put("median", median());
        map.put("min", min());
        map.put("max", max());
        map.put("target", target);
        map.put("targetIsMinimum", higherIsBetter);
        map.put("verdict", verdict().replace("**", ""));
        map.put("values", values);
        return map;
    }
}
