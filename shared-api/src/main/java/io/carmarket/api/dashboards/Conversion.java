package io.carmarket.api.dashboards;

/** {@code accepted} out of {@code ended}; {@code rate} is absent while none has ended. */
public record Conversion(long accepted, long ended, Double rate) {
}
