package io.carmarket.distributed.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmarket.distributed.client.JsonHttp.Answer;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The CarMarket API as the gateway would split it: accounts and commands go to command-service, reads to whichever
 * query-service instance the caller names.
 */
public final class Marketplace {

    private static final String API = "/api/v1";

    private final JsonHttp http = new JsonHttp();
    private final URI commandService;

    public Marketplace(URI commandService) {
        this.commandService = commandService;
    }

    /** A registered and logged-in user. */
    public record User(String id, String email, String accessToken) {
    }

    /** Registers a user with a unique email ({@code role} CUSTOMER or DEALER) and logs them in. */
    public User newUser(String role) {
        String email = role.toLowerCase() + "-" + unique() + "@test.example";
        String password = "Pw-" + unique() + "!";
        Answer registered = http.post(command("/auth/register"), null,
                Map.of("email", email, "password", password, "name", "Test " + role, "role", role));
        expect(registered, 201, "registration");
        Answer login = http.post(command("/auth/login"), null, Map.of("email", email, "password", password));
        expect(login, 200, "login");
        return new User(login.body().path("user").path("id").asText(), email,
                login.body().path("accessToken").asText());
    }

    /** A make no other test uses, so that a search by it finds this test's cars only. */
    public static String uniqueMake() {
        return "Make" + unique();
    }

    /** Lists a car of {@code make} for rental (49.50 EUR a day, in Berlin) and returns its id. */
    public String listCar(User dealer, String make) {
        Answer listed = tryToListCar(dealer, make);
        expect(listed, 201, "listing");
        return listed.body().path("carId").asText();
    }

    /** {@code POST /cars}, whatever the answer. */
    public Answer tryToListCar(User dealer, String make) {
        ObjectNode car = JsonHttp.JSON.createObjectNode()
                .put("make", make).put("model", "Golf").put("year", 2022).put("bodyType", "HATCHBACK")
                .put("transmission", "MANUAL").put("fuelType", "PETROL").put("mileage", 25000).put("seats", 5)
                .put("vin", "WVW" + HexFormat.of().withUpperCase().formatHex(randomBytes(7)))
                .put("licensePlate", "B-IT 1").put("dailyRate", "49.50").put("currency", "EUR");
        car.putObject("location").put("city", "Berlin").put("timeZone", "Europe/Berlin");
        return http.post(command("/cars"), dealer.accessToken(), car);
    }

    /** {@code POST /cars/{carId}/bookings} for [start, end), whatever the answer. */
    public Answer book(User customer, String carId, LocalDate start, LocalDate end) {
        return http.post(command("/cars/" + carId + "/bookings"), customer.accessToken(),
                Map.of("startDate", start.toString(), "endDate", end.toString()));
    }

    /** {@code GET /cars?make=...} on one query-service instance, whatever the answer. */
    public Answer searchByMake(URI queryService, String make) {
        return http.get(queryService.resolve(API + "/cars?make=" + make), null);
    }

    /** The ids of the cars of {@code make} that {@code queryService}'s search finds now. */
    public List<String> carIdsFound(URI queryService, String make) {
        Answer page = searchByMake(queryService, make);
        expect(page, 200, "search");
        List<String> ids = new ArrayList<>();
        for (JsonNode item : page.body().path("items")) {
            ids.add(item.path("carId").asText());
        }
        return ids;
    }

    private URI command(String path) {
        return commandService.resolve(API + path);
    }

    private static void expect(Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException("The " + what + " was answered " + answer);
        }
    }

    private static String unique() {
        return HexFormat.of().formatHex(randomBytes(5));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
