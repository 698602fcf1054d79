package io.carmarket.query.dashboard;

import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.ListingChanges;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static io.carmarket.query.dashboard.Figures.field;

/** What the dashboards know of a car, and what it adds to them. {@code version}: global position last applied. */
@Document(CarFacts.COLLECTION)
record CarFacts(@Id String carId, long version, String dealerId, String make, String model, int year,
                CarStatus status, boolean rentable, BigDecimal askingPrice, String currency, Instant listedAt,
                Instant soldAt) implements Fact {

    static final String COLLECTION = "dashboard_cars";

    /** How the dashboards' lists name the car: make, model and year. */
    String title() {
        return make + " " + model + " (" + year + ")";
    }

    CarFacts withStatus(CarStatus newStatus, long position) {
        return new CarFacts(carId, position, dealerId, make, model, year, newStatus, rentable, askingPrice, currency,
                listedAt, soldAt);
    }

    CarFacts sold(Instant at, long position) {
        return new CarFacts(carId, position, dealerId, make, model, year, CarStatus.SOLD, rentable, askingPrice,
                currency, listedAt, at);
    }

    /** The listing's new description and prices: {@code null} keeps what was there. */
    CarFacts changed(ListingChanges changes, long position) {
        return new CarFacts(carId, position, dealerId, changes.make() == null ? make : changes.make(),
                changes.model() == null ? model : changes.model(), changes.year() == null ? year : changes.year(),
                status, rentable || changes.dailyRate() != null,
                changes.askingPrice() == null ? askingPrice : changes.askingPrice(), currency, listedAt, soldAt);
    }

    /**
     * Counts per status for the platform and the dealer; a car on the market counts for its make; a sold car
     * counts its days on the market; a listed car that can be rented counts towards the dealer's bookable fleet.
     */
    @Override
    public Contributions contributions() {
        Contributions contributions = new Contributions()
                .count(Figures.PLATFORM, field(Figures.CARS, status.name()))
                .count(Figures.dealer(dealerId), field(Figures.CARS, status.name()));
        if (status == CarStatus.LISTED || status == CarStatus.RESERVED) {
            contributions.count(Figures.PLATFORM, field(Figures.MAKES_LISTED, Figures.makeKey(make)));
        }
        if (status == CarStatus.LISTED && rentable) {
            contributions.count(Figures.dealer(dealerId), Figures.RENTABLE_CARS);
        }
        if (status == CarStatus.SOLD && soldAt != null && listedAt != null) {
            long days = Duration.between(listedAt, soldAt).toDays();
            contributions.count(Figures.PLATFORM, field(Figures.DAYS_ON_MARKET, Long.toString(days)));
        }
        return contributions;
    }
}
