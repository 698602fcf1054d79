package io.carmarket.support.web.input;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Currency;
import java.util.List;

/**
 * The ISO 4217 currencies prices on the platform may be in. A code Java knows is not enough: {@code XXX} (no
 * currency), {@code XTS} (testing) and {@code XAU} (gold) are ISO codes too.
 *
 * @param supported currency codes accepted for new listings
 */
@ConfigurationProperties("carmarket.currencies")
public record SupportedCurrencies(
        @DefaultValue({"EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK"}) List<Currency> supported) {

    public static final SupportedCurrencies DEFAULT = new SupportedCurrencies(List.of(
            Currency.getInstance("EUR"), Currency.getInstance("USD"), Currency.getInstance("GBP"),
            Currency.getInstance("CHF"), Currency.getInstance("SEK"), Currency.getInstance("NOK"),
            Currency.getInstance("DKK"), Currency.getInstance("PLN"), Currency.getInstance("CZK")));

    public SupportedCurrencies {
        supported = List.copyOf(supported);
    }

    public boolean contains(Currency currency) {
        return supported.contains(currency);
    }
}
