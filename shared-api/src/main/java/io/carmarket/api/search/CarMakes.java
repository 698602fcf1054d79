package io.carmarket.api.search;

/** Every make among the public cars with how many public cars it has; answered as a list of {@link MakeCount}. */
public record CarMakes() {
}
