package io.carmarket.api.dashboards;

import java.math.BigDecimal;
import java.util.Map;

/** Revenue of one month ({@code yyyy-MM}), per currency code; an empty map is a month without revenue. */
public record MonthlyRevenue(String month, Map<String, BigDecimal> amountByCurrency) {
}
