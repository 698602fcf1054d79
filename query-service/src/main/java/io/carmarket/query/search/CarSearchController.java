package io.carmarket.query.search;

import io.carmarket.api.car.DateRange;
import io.carmarket.api.search.CarDetails;
import io.carmarket.api.search.CarDetailsById;
import io.carmarket.api.search.CarSearch;
import io.carmarket.api.search.CarSearchPage;
import io.carmarket.api.search.CarSortField;
import io.carmarket.api.search.PriceType;
import io.carmarket.api.search.SortDirection;
import io.carmarket.support.web.ApiProblems;
import io.carmarket.support.web.InvalidParameterException;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The public car search and car page. No token needed; no VIN, plate or dealer data in any answer. */
@RestController
@RequestMapping("/api/v1/cars")
public class CarSearchController {

    private static final int DEFAULT_LIMIT = 20;

    private final QueryGateway queryGateway;

    public CarSearchController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /**
     * @param sort {@code price}, {@code year}, {@code mileage} or {@code createdAt}, optionally followed by
     *             {@code ,asc} or {@code ,desc}; newest first when absent
     */
    @GetMapping
    public CarSearchPage search(
            @RequestParam(name = "make", required = false) @Size(max = 20) List<String> makes,
            @RequestParam(defaultValue = "DAILY_RATE") PriceType priceType,
            @RequestParam(required = false) @PositiveOrZero BigDecimal minPrice,
            @RequestParam(required = false) @PositiveOrZero BigDecimal maxPrice,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate availableFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate availableTo,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(CarSearch.MAX_LIMIT) int limit) {
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            throw new InvalidParameterException("maxPrice", "must not be below minPrice");
        }
        SortSpec sortSpec = SortSpec.parse(sort);
        CarSearch search = new CarSearch(makes, priceType, minPrice, maxPrice,
                availability(availableFrom, availableTo), sortSpec.field(), sortSpec.direction(), cursor, limit);
        if (cursor != null) {
            try {
                CarSearchCursor.decode(cursor, CarSearchOrdering.of(search).key());
            } catch (CarSearchCursor.InvalidCursorException invalid) {
                throw new InvalidParameterException("cursor", invalid.getMessage());
            }
        }
        return queryGateway.query(search, ResponseTypes.instanceOf(CarSearchPage.class)).join();
    }

    @GetMapping("/{carId}")
    public ResponseEntity<?> details(@PathVariable String carId) {
        Optional<CarDetails> details = queryGateway
                .query(new CarDetailsById(carId), ResponseTypes.optionalInstanceOf(CarDetails.class)).join();
        return details.<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> {
            ProblemDetail problem = ApiProblems.problem(HttpStatus.NOT_FOUND, "CAR_NOT_FOUND",
                    "No listed car " + carId);
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        });
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

    record SortSpec(CarSortField field, SortDirection direction) {

        private static final SortSpec NEWEST_FIRST = new SortSpec(CarSortField.CREATED_AT, SortDirection.DESC);

        static SortSpec parse(String sort) {
            if (sort == null || sort.isBlank()) {
                return NEWEST_FIRST;
            }
            String[] parts = sort.split(",", -1);
            if (parts.length > 2) {
                throw invalidSort();
            }
            CarSortField field = switch (parts[0].trim()) {
                case "price" -> CarSortField.PRICE;
                case "year" -> CarSortField.YEAR;
                case "mileage" -> CarSortField.MILEAGE;
                case "createdAt" -> CarSortField.CREATED_AT;
                default -> throw invalidSort();
            };
            if (parts.length == 1) {
                return new SortSpec(field, SortDirection.ASC);
            }
            return switch (parts[1].trim().toLowerCase(Locale.ROOT)) {
                case "asc" -> new SortSpec(field, SortDirection.ASC);
                case "desc" -> new SortSpec(field, SortDirection.DESC);
                default -> throw invalidSort();
            };
        }

        private static InvalidParameterException invalidSort() {
            return new InvalidParameterException("sort",
                    "must be price, year, mileage or createdAt, optionally followed by ,asc or ,desc");
        }
    }
}
