package io.carmarket.query.search;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.Transmission;
import io.carmarket.api.search.CarCalendar;
import io.carmarket.api.search.CarCalendarById;
import io.carmarket.api.search.CarDetails;
import io.carmarket.api.search.CarDetailsById;
import io.carmarket.api.search.CarMakes;
import io.carmarket.api.search.CarSearch;
import io.carmarket.api.search.CarSearchPage;
import io.carmarket.api.search.CarSortField;
import io.carmarket.api.search.CarSummaryList;
import io.carmarket.api.search.FeaturedCars;
import io.carmarket.api.search.MakeCount;
import io.carmarket.api.search.PriceType;
import io.carmarket.api.search.SimilarCars;
import io.carmarket.api.search.SortDirection;
import io.carmarket.query.web.SortParameter;
import io.carmarket.support.web.ApiProblems;
import io.carmarket.support.web.InvalidParameterException;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public car search, car page, calendar, similar and featured cars and make counts. No token needed; no VIN,
 * plate, dealer or customer data in any answer. The literal paths {@code /featured} and {@code /makes} take
 * precedence over {@code /{carId}} (Spring MVC prefers the more specific pattern).
 */
@RestController
@RequestMapping("/api/v1/cars")
public class CarSearchController {

    /** {@code sort=price|year|mileage|createdAt[,asc|desc]}; newest listing first when absent. */
    private static final SortParameter<CarSortField> SORT = SortParameter.of(CarSortField.CREATED_AT,
            SortDirection.DESC, Map.entry("price", CarSortField.PRICE), Map.entry("year", CarSortField.YEAR),
            Map.entry("mileage", CarSortField.MILEAGE), Map.entry("createdAt", CarSortField.CREATED_AT));

    private static final int DEFAULT_LIMIT = 20;
    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2100;

    private final QueryGateway queryGateway;

    public CarSearchController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /**
     * @param sort {@code price}, {@code year}, {@code mileage} or {@code createdAt}, optionally followed by
     *             {@code ,asc} or {@code ,desc}; newest first when absent
     * @param q    words that each start a word of the make, model or variant
     */
    @GetMapping
    public CarSearchPage search(
            @RequestParam(name = "make", required = false) @Size(max = 20) List<String> makes,
            @RequestParam(defaultValue = "DAILY_RATE") PriceType priceType,
            @RequestParam(required = false) @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal minPrice,
            @RequestParam(required = false) @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal maxPrice,
            @RequestParam(required = false) @Min(MIN_YEAR) @Max(MAX_YEAR) Integer minYear,
            @RequestParam(required = false) @Min(MIN_YEAR) @Max(MAX_YEAR) Integer maxYear,
            @RequestParam(required = false) BodyType bodyType,
            @RequestParam(required = false) Transmission transmission,
            @RequestParam(required = false) FuelType fuelType,
            @RequestParam(required = false) @PositiveOrZero Integer maxMileage,
            @RequestParam(required = false) @Size(max = 80) String city,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate availableFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate availableTo,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(CarSearch.MAX_LIMIT) int limit) {
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            throw new InvalidParameterException("maxPrice", "must not be below minPrice");
        }
        if (minYear != null && maxYear != null && minYear > maxYear) {
            throw new InvalidParameterException("maxYear", "must not be below minYear");
        }
        String text = SearchText.checkedQuery(q);
        SortParameter.Order<CarSortField> sortSpec = SORT.parse(sort);
        CarSearch search = new CarSearch(makes, priceType, minPrice, maxPrice, minYear, maxYear, bodyType,
                transmission, fuelType, maxMileage, blankToNull(city), text,
                availability(availableFrom, availableTo), sortSpec.field(), sortSpec.direction(), cursor, limit);
        if (cursor != null) {
            try {
                CarSearchOrdering.of(search).cursorOf(cursor);
            } catch (CarSearchCursor.InvalidCursorException invalid) {
                throw new InvalidParameterException("cursor", invalid.getMessage());
            }
        }
        return queryGateway.query(search, ResponseTypes.instanceOf(CarSearchPage.class)).join();
    }

    /** Featured cars, newest listing first. */
    @GetMapping("/featured")
    public CarSummaryList featured(@RequestParam(defaultValue = "" + FeaturedCars.DEFAULT_LIMIT) @Min(1)
                                   @Max(FeaturedCars.MAX_LIMIT) int limit) {
        return queryGateway.query(new FeaturedCars(limit), ResponseTypes.instanceOf(CarSummaryList.class)).join();
    }

    /** Every make on the market with its number of public cars: most cars first, then by make. */
    @GetMapping("/makes")
    public List<MakeCount> makes() {
        return queryGateway.query(new CarMakes(), ResponseTypes.multipleInstancesOf(MakeCount.class)).join();
    }

    @GetMapping("/{carId}")
    public ResponseEntity<?> details(@PathVariable String carId) {
        Optional<CarDetails> details = queryGateway
                .query(new CarDetailsById(carId), ResponseTypes.optionalInstanceOf(CarDetails.class)).join();
        return details.<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> carNotFound(carId));
    }

    /**
     * @param from first day, default today in the car's time zone
     * @param to   day after the last day, default {@code from} + 60 days; after {@code from}, at most 366 days later
     */
    @GetMapping("/{carId}/availability")
    public ResponseEntity<?> availability(
            @PathVariable String carId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (from != null && to != null) {
            requireCalendarRange(from, to);
        }
        Optional<CarCalendar> calendar = queryGateway.query(new CarCalendarById(carId, from, to),
                ResponseTypes.optionalInstanceOf(CarCalendar.class)).join();
        if (calendar.isEmpty()) {
            return carNotFound(carId);
        }
        // Only now is a missing "from" known (today in the car's zone): check the range the answer is for.
        requireCalendarRange(calendar.get().from(), calendar.get().to());
        return ResponseEntity.ok(calendar.get());
    }

    /** Other public cars like this one; see {@link SimilarCarsQueryHandler} for the order. */
    @GetMapping("/{carId}/similar")
    public ResponseEntity<?> similar(@PathVariable String carId,
                                     @RequestParam(defaultValue = "" + SimilarCars.DEFAULT_LIMIT) @Min(1)
                                     @Max(SimilarCars.MAX_LIMIT) int limit) {
        Optional<CarSummaryList> similar = queryGateway.query(new SimilarCars(carId, limit),
                ResponseTypes.optionalInstanceOf(CarSummaryList.class)).join();
        return similar.<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> carNotFound(carId));
    }

    private static ResponseEntity<?> carNotFound(String carId) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.NOT_FOUND, "CAR_NOT_FOUND", "No listed car " + carId);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    private static void requireCalendarRange(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            throw new InvalidParameterException("to", "must be after from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) > CarCalendarById.MAX_DAYS) {
            throw new InvalidParameterException("to",
                    "must be at most " + CarCalendarById.MAX_DAYS + " days after from (" + from + ")");
        }
    }

    /** Free text: null when blank; refused when it has no word to search for or too many. */
    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static DateRange availability(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return null;
        }
        if (from == null || to == null) {
            throw new InvalidParameterException(from == null ? "availableFrom" : "availableTo",
                    "availableFrom and availableTo go together");
        }
        if (!to.isAfter(from)) {
            throw new InvalidParameterException("availableTo", "must be after availableFrom");
        }
        return new DateRange(from, to);
    }
}
