package io.carmarket.standalone;

import io.carmarket.standalone.HostileRequest.Builder;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.carmarket.standalone.HostileFixtures.ADMIN;
import static io.carmarket.standalone.HostileFixtures.ANONYMOUS;
import static io.carmarket.standalone.HostileFixtures.CUSTOMER;
import static io.carmarket.standalone.HostileFixtures.CUSTOMER2;
import static io.carmarket.standalone.HostileFixtures.DEALER;
import static io.carmarket.standalone.HostileFixtures.DEALER2;
import static io.carmarket.standalone.HostileJson.array;
import static io.carmarket.standalone.HostileJson.arrayOf;
import static io.carmarket.standalone.HostileJson.object;
import static io.carmarket.standalone.HostileJson.quote;
import static io.carmarket.standalone.HostileJson.quoteRaw;

/**
 * The hostile-input corpus: requests that must each be refused with a 4xx {@code application/problem+json} and
 * store nothing. It is data, read top to bottom as a specification:
 * <ul>
 *     <li>{@code family(...)} starts a group of cases and says what it guards;</li>
 *     <li>{@code at(method, path, session)} names the endpoint the following cases go to (paths are under
 *     {@code /api/v1}; {@code {car}}, {@code {booking}} ... are ids of {@link HostileFixtures});</li>
 *     <li>{@code c("what", body)} is one case: the body is sent as these exact bytes; {@code q("what", query)} is one
 *     case of query parameters; {@code request(...)} is one case anywhere else;</li>
 *     <li>{@code .expect(status)}, {@code .expect(400, "field")} (that key in {@code errors}),
 *     {@code .expectNested(400, "leaf")} (some {@code errors} key naming it), {@code .expectCode(400, "CODE")}.</li>
 * </ul>
 * Every body is a valid request but for the one fault under test, so a server that ignored the fault would accept
 * it: bookings get dates of their own ({@link #stay()}), new accounts and cars unique e-mails and VINs. The
 * attacks every JSON body must withstand (content types, size, duplicate keys, unknown properties, hostile
 * characters, broken syntax) are generated for every endpoint of {@link #bodyEndpoints()}: a new endpoint is one
 * line there.
 */
final class HostileInputCorpus {

    private static final String GET = "GET";
    private static final String POST = "POST";
    private static final String PUT = "PUT";
    private static final String PATCH = "PATCH";
    private static final String DELETE = "DELETE";
    private static final int BODY_LIMIT = 128 * 1024;
    private static final String BEYOND_HORIZON = "DATE_BEYOND_HORIZON";
    private static final String VIN_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

    /** Characters no string field may hold, by name. Control characters travel as JSON escapes, the rest as UTF-8. */
    private static final Map<String, String> HOSTILE_CHARACTERS = orderedMap(
            "U+0000 NUL", "\u0000",
            "U+0007 BEL", "\u0007",
            "U+001B ESC", "\u001B",
            "U+007F DEL", "\u007F",
            "U+0085 NEL", "\u0085",
            "U+202E right-to-left override", "\u202E",
            "U+2066 left-to-right isolate", "\u2066",
            "lone surrogate \\ud800", "\uD800");

    /** Every bidi embedding, override and isolate control. */
    private static final List<String> BIDI_CONTROLS = List.of("\u202A", "\u202B", "\u202C", "\u202D", "\u202E",
            "\u2066", "\u2067", "\u2068", "\u2069");

    private final HostileFixtures f;
    private final List<Builder> cases = new ArrayList<>();
    private final Map<String, String> familyGuards = new LinkedHashMap<>();
    private String family;
    private String method;
    private String path;
    private String session;
    private int stays;

    HostileInputCorpus(HostileFixtures fixtures) {
        this.f = fixtures;
    }

    List<HostileRequest> build() {
        registrationCases();
        loginCases();
        auditorCases();
        listingCases();
        listingChangeCases();
        featuredCases();
        peakWindowCases();
        bookingCases();
        rescheduleCases();
        bookingAnswerCases();
        reservationCases();
        reservationAnswerCases();
        negotiationCases();
        negotiationAnswerCases();
        bodyEndpoints().forEach(this::genericBodyAttacks);
        searchCases();
        searchCursorCases();
        carPageCases();
        myListCases();
        dealerViewCases();
        auditCases();
        tokenCases();
        roleCases();
        routingCases();
        idempotencyKeyCases();
        firewallCases();
        tomcatCases();
        return cases.stream().map(Builder::build).toList();
    }

    // =============================================================================================================
    // Identity
    // =============================================================================================================

    private void registrationCases() {
        family("register", "what a self-registered account may hold: no privileged role, no extra fields, sane text");
        at(POST, "/auth/register", ANONYMOUS);
        c("password missing", account().without("password")).expect(400, "password");
        c("password null", account().with("password", "null")).expect(400, "password");
        c("password of 201 chars", account().str("password", "Aa1-" + "x".repeat(197))).expect(400, "password");
        c("name missing", account().without("name")).expect(400, "name");
        c("name empty", account().str("name", "")).expect(400, "name");
        c("name whitespace only", account().str("name", "   ")).expect(400, "name");
        c("name of 101 chars", account().str("name", "n".repeat(101))).expect(400, "name");
        c("name of 100,000 chars", account().str("name", "n".repeat(100_000))).expect(400, "name");
        c("name with a newline", account().str("name", "Eve\nAdmin")).expect(400, "name");
        c("name with a tab", account().str("name", "Eve\tAdmin")).expect(400, "name");
        c("name with U+0000 as an escape", account().with("name", "\"Eve\\u0000\"")).expect(400, "name");
        c("name with U+007F as an escape", account().with("name", "\"Eve\\u007f\"")).expect(400, "name");
        c("name with U+0085 as an escape", account().with("name", "\"Eve\\u0085\"")).expect(400, "name");
        c("name with U+202E as an escape", account().with("name", "\"Eve\\u202Egnp.exe\"")).expect(400, "name");
        c("name with a lone low surrogate", account().with("name", "\"Eve\\udc00\"")).expect(400, "name");
        c("name with surrogates in the wrong order", account().with("name", "\"Eve\\udc00\\ud800\"")).expect(400, "name");
        BIDI_CONTROLS.forEach(bidi -> c("name with " + codePoint(bidi), account().str("name", "Eve" + bidi + "txt"))
                .expect(400, "name"));
        c("role ADMIN", account().str("role", "ADMIN")).expect(400, "role");
        c("role AUDITOR", account().str("role", "AUDITOR")).expect(400, "role");
        c("role as a number 0", account().with("role", "0")).expect(400, "role");
        c("role as a number 2", account().with("role", "2")).expect(400, "role");
        c("role lower case", account().str("role", "customer")).expect(400, "role");
        c("role SPACESHIP", account().str("role", "SPACESHIP")).expect(400, "role");
        c("role missing", account().without("role")).expect(400, "role");
        c("role null", account().with("role", "null")).expect(400, "role");
        c("role as a list", account().with("role", array(quote("CUSTOMER")))).expect(400, "role");
        c("role CUSTOMER then ADMIN (duplicate key)", account().plus("role", quote("ADMIN"))).expect(400, "role");
        c("email missing", account().without("email")).expect(400, "email");
        c("email empty", account().str("email", "")).expect(400, "email");
        emailAttacks(() -> account());
        c("unknown property id", account().str("id", UUID.randomUUID().toString())).expect(400, "id");
        c("unknown property passwordHash", account().str("passwordHash", "$2a$10$abc")).expect(400, "passwordHash");
        c("unknown property createdAt", account().str("createdAt", "2020-01-01T00:00:00Z")).expect(400, "createdAt");
        c("mis-cased Email instead of email", account().without("email").str("Email", uniqueEmail()))
                .expect(400, "Email");
    }

    /** An address must be one plain address: no control, bidi or white space, one @, at most 254 characters. */
    private void emailAttacks(Supplier<HostileJson> body) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        c("email with U+202E", body.get().str("email", "eve" + unique + "\u202E@test.example")).expect(400, "email");
        c("email with a newline", body.get().str("email", "eve" + unique + "@test.example\nBcc: x@y.z"))
                .expect(400, "email");
        c("email with NUL", body.get().str("email", "eve" + unique + "\u0000@test.example")).expect(400, "email");
        c("email without @", body.get().str("email", "eve" + unique + ".test.example")).expect(400, "email");
        c("email of 255 chars", body.get().str("email", emailOfLength(255))).expect(400, "email");
        c("email with spaces", body.get().str("email", "eve " + unique + "@test.example")).expect(400, "email");
        c("email whitespace only", body.get().str("email", "   ")).expect(400, "email");
        c("email of 100,000 chars", body.get().str("email", "e".repeat(100_000) + "@test.example"))
                .expect(400, "email");
    }

    private void loginCases() {
        family("login", "login and refresh: malformed requests are 400 (before any password is checked), bad "
                + "credentials 401; only a handful, so that login throttling stays out of the way");
        at(POST, "/auth/login", ANONYMOUS);
        c("email empty", login().str("email", "")).expect(400, "email");
        c("email whitespace only", login().str("email", "   ")).expect(400, "email");
        c("email missing", login().without("email")).expect(400, "email");
        c("password missing", login().without("password")).expect(400, "password");
        c("password null", login().with("password", "null")).expect(400, "password");
        c("password of 201 chars", login().str("password", "p".repeat(201))).expect(400, "password");
        c("email of 255 chars", login().str("email", emailOfLength(255))).expect(400, "email");
        c("email with a newline", login().str("email", f.customerEmail() + "\n")).expect(400, "email");
        c("email as a number", login().with("email", "42")).expect(400, "email");
        c("a JSON array body", array(login().toString())).expect(400);
        c("wrong password of an existing account", login().str("password", "Wrong-Pass-123"))
                .expectCode(401, "INVALID_CREDENTIALS");
        c("unknown account", login().str("email", uniqueEmail())).expectCode(401, "INVALID_CREDENTIALS");
        at(POST, "/auth/refresh", ANONYMOUS);
        c("refresh token garbage", object().str("refreshToken", "garbage")).expect(401);
        c("refresh token a forged JWT", object().str("refreshToken", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."))
                .expect(401);
    }

    private void auditorCases() {
        family("auditors", "only an admin creates auditors, and only from a clean body");
        at(POST, "/admin/auditors", ADMIN);
        c("as a customer", auditor()).as(CUSTOMER).expect(403);
        c("as a dealer", auditor()).as(DEALER).expect(403);
        c("without a token", auditor()).as(ANONYMOUS).expect(401);
        c("email missing", auditor().without("email")).expect(400, "email");
        c("email without @", auditor().str("email", "auditor.test.example")).expect(400, "email");
        c("email with a newline", auditor().str("email", "aud\nitor@test.example")).expect(400, "email");
        c("email of 255 chars", auditor().str("email", emailOfLength(255))).expect(400, "email");
        c("password missing", auditor().without("password")).expect(400, "password");
        c("password of 201 chars", auditor().str("password", "Aa1-" + "x".repeat(197))).expect(400, "password");
        c("name blank", auditor().str("name", "  ")).expect(400, "name");
        c("name of 101 chars", auditor().str("name", "n".repeat(101))).expect(400, "name");
        c("name with ESC", auditor().str("name", "Aud\u001Bitor")).expect(400, "name");
        c("unknown property role ADMIN", auditor().str("role", "ADMIN")).expect(400, "role");
        c("a JSON array body", array(auditor().toString())).expect(400);
    }

    // =============================================================================================================
    // Cars
    // =============================================================================================================

    private void listingCases() {
        family("listing", "POST /cars: the shape of a new listing, field by field, nested location and images too");
        at(POST, "/cars", DEALER);
        c("location missing", listing().without("location")).expect(400, "location");
        c("location null", listing().with("location", "null")).expect(400, "location");
        c("location a string", listing().str("location", "Berlin")).expect(400, "location");
        c("location.city empty", listing().with("location", location().str("city", ""))).expectNested(400, "city");
        c("location.city blank", listing().with("location", location().str("city", "   "))).expectNested(400, "city");
        c("location.city missing", listing().with("location", location().without("city"))).expectNested(400, "city");
        c("location.city of 81 chars", listing().with("location", location().str("city", "c".repeat(81))))
                .expectNested(400, "city");
        c("location.latitude 999", listing().with("location", location().with("latitude", "999")))
                .expectNested(400, "latitude");
        c("location.longitude -181", listing().with("location", location().with("longitude", "-181")))
                .expectNested(400, "longitude");
        c("location.latitude a string", listing().with("location", location().str("latitude", "north")))
                .expectNested(400, "latitude");
        c("location.latitude 1e400", listing().with("location", location().with("latitude", "1e400")))
                .expectNested(400, "latitude");
        c("location.timeZone Mars/Olympus", listing().with("location", location().str("timeZone", "Mars/Olympus")))
                .expectNested(400, "timeZone");
        c("location.timeZone a number", listing().with("location", location().with("timeZone", "1")))
                .expectNested(400, "timeZone");
        c("21 images", listing().with("images", images(21))).expect(400, "images");
        c("image url javascript:alert(1)", listing().with("images", array(image("javascript:alert(1)", true))))
                .expectNested(400, "url");
        c("image url with non-ASCII characters", listing().with("images",
                array(image("https://bilder.example/\u00e4pfel-\u00fc.jpg", true)))).expectNested(400, "url");
        c("image url with a newline", listing().with("images", array(image("https://img.example/a\nb.jpg", true))))
                .expectNested(400, "url");
        c("image url of 2,001 chars", listing().with("images",
                array(image("https://img.example/" + "a".repeat(1981), true)))).expectNested(400, "url");
        c("image url missing", listing().with("images", array(object().with("primary", "true").toString())))
                .expectNested(400, "url");
        c("two primary images", listing().with("images", array(image("https://img.example/1.jpg", true),
                image("https://img.example/2.jpg", true)))).expect(400);
        // "primary": null is false, like an omitted primary (docs/api.md, "Limits").
        c("image primary \"yes\"", listing().with("images", array(object().str("url", "https://img.example/1.jpg")
                .str("primary", "yes").toString()))).expectNested(400, "primary");
        c("image null element", listing().with("images", array("null"))).expectNested(400, "images");
        c("51 features", listing().with("features", arrayOf(51, quote("ABS")))).expect(400, "features");
        c("a feature of 61 chars", listing().with("features", array(quote("f".repeat(61)))))
                .expectNested(400, "features");
        c("a blank feature", listing().with("features", array(quote("  ")))).expectNested(400, "features");
        c("a feature with a newline", listing().with("features", array(quote("Heated\nseats"))))
                .expectNested(400, "features");
        c("a feature with a tab", listing().with("features", array(quote("Heated\tseats"))))
                .expectNested(400, "features");
        c("vin of 16 chars", listing().str("vin", vin().substring(1))).expect(400, "vin");
        c("vin with I", listing().str("vin", "I" + vin().substring(1))).expect(400, "vin");
        c("vin with O", listing().str("vin", "O" + vin().substring(1))).expect(400, "vin");
        c("vin with Q", listing().str("vin", "Q" + vin().substring(1))).expect(400, "vin");
        c("vin with a newline", listing().str("vin", vin().substring(1) + "\n")).expect(400, "vin");
        c("vin missing", listing().without("vin")).expect(400, "vin");
        c("licensePlate of 21 chars", listing().str("licensePlate", "B-" + "X".repeat(19)))
                .expect(400, "licensePlate");
        c("licensePlate with a newline", listing().str("licensePlate", "B-XY\n123")).expect(400, "licensePlate");
        c("make whitespace only", listing().str("make", "   ")).expect(400, "make");
        c("make of 41 chars", listing().str("make", "m".repeat(41))).expect(400, "make");
        c("make of 100,000 chars", listing().str("make", "m".repeat(100_000))).expect(400, "make");
        c("make with a newline", listing().str("make", "Volks\nwagen")).expect(400, "make");
        c("make with a tab", listing().str("make", "Volks\twagen")).expect(400, "make");
        BIDI_CONTROLS.forEach(bidi -> c("make with " + codePoint(bidi), listing().str("make", "VW" + bidi + "x"))
                .expect(400, "make"));
        c("model of 61 chars", listing().str("model", "m".repeat(61))).expect(400, "model");
        c("model whitespace only", listing().str("model", "   ")).expect(400, "model");
        c("vin whitespace only", listing().str("vin", " ".repeat(17))).expect(400, "vin");
        c("licensePlate whitespace only", listing().str("licensePlate", "   ")).expect(400, "licensePlate");
        c("model with a newline", listing().str("model", "Golf\nGTI")).expect(400, "model");
        c("variant of 81 chars", listing().str("variant", "v".repeat(81))).expect(400, "variant");
        c("variant with a newline", listing().str("variant", "1.5\nTSI")).expect(400, "variant");
        c("color of 41 chars", listing().str("color", "c".repeat(41))).expect(400, "color");
        c("color with a newline", listing().str("color", "Dark\nBlue")).expect(400, "color");
        c("city with a newline", listing().with("location", location().str("city", "Ber\nlin")))
                .expectNested(400, "city");
        c("city with a tab", listing().with("location", location().str("city", "Ber\tlin")))
                .expectNested(400, "city");
        c("description of 5,001 chars", listing().str("description", "d".repeat(5001))).expect(400, "description");
        c("year 1899", listing().with("year", "1899")).expect(400, "year");
        c("year 2101", listing().with("year", "2101")).expect(400, "year");
        c("year 2022.5", listing().with("year", "2022.5")).expect(400, "year");
        c("year 99999999999", listing().with("year", "99999999999")).expect(400, "year");
        c("year of 2,000 digits", listing().with("year", "9".repeat(2000))).expect(400, "year");
        c("year true", listing().with("year", "true")).expect(400, "year");
        c("year an object", listing().with("year", "{}")).expect(400, "year");
        c("year null", listing().with("year", "null")).expect(400, "year");
        c("seats 0", listing().with("seats", "0")).expect(400, "seats");
        c("seats 61", listing().with("seats", "61")).expect(400, "seats");
        c("seats null", listing().with("seats", "null")).expect(400, "seats");
        c("mileage -1", listing().with("mileage", "-1")).expect(400, "mileage");
        c("mileage 1.5", listing().with("mileage", "1.5")).expect(400, "mileage");
        c("mileage a list", listing().with("mileage", "[1]")).expect(400, "mileage");
        c("maxBookingDays 0", listing().with("maxBookingDays", "0")).expect(400, "maxBookingDays");
        c("maxBookingDays 366", listing().with("maxBookingDays", "366")).expect(400, "maxBookingDays");
        c("neither dailyRate nor askingPrice", listing().without("dailyRate").without("askingPrice")).expect(400);
        priceAttacks("dailyRate", () -> listing());
        c("askingPrice -1", listing().with("askingPrice", "-1")).expect(400, "askingPrice");
        c("askingPrice 12.345", listing().with("askingPrice", "12.345")).expect(400, "askingPrice");
        c("askingPrice 0", listing().with("askingPrice", "0")).expect(400, "askingPrice");
        currencyAttacks(() -> listing());
        c("bodyType as a number 1", listing().with("bodyType", "1")).expect(400, "bodyType");
        c("bodyType lower case", listing().str("bodyType", "hatchback")).expect(400, "bodyType");
        c("bodyType SPACESHIP", listing().str("bodyType", "SPACESHIP")).expect(400, "bodyType");
        c("bodyType null", listing().with("bodyType", "null")).expect(400, "bodyType");
        c("transmission lower case", listing().str("transmission", "manual")).expect(400, "transmission");
        c("transmission as a number 0", listing().with("transmission", "0")).expect(400, "transmission");
        c("fuelType as a number 0", listing().with("fuelType", "0")).expect(400, "fuelType");
        c("fuelType with a trailing space", listing().str("fuelType", "PETROL ")).expect(400, "fuelType");
        c("unknown property dealerId (mass assignment)", listing().str("dealerId", f.id("rivalDealer")))
                .expect(400, "dealerId");
        c("unknown property status SOLD", listing().str("status", "SOLD")).expect(400, "status");
        c("unknown property featured", listing().with("featured", "true")).expect(400, "featured");
        c("unknown property id", listing().str("id", UUID.randomUUID().toString())).expect(400, "id");
        c("mis-cased Make instead of make", listing().without("make").str("Make", "VW")).expect(400, "Make");
        c("unknown property inside location", listing().with("location", location().str("country", "DE")))
                .expectNested(400, "country");
    }

    /** Money amounts: positive, at most two decimals and 12 integer digits, a JSON number. */
    private void priceAttacks(String field, Supplier<HostileJson> body) {
        c(field + " 1e400", body.get().with(field, "1e400")).expect(400, field);
        c(field + " 1e-400", body.get().with(field, "1e-400")).expect(400, field);
        c(field + " -1", body.get().with(field, "-1")).expect(400, field);
        c(field + " 0", body.get().with(field, "0")).expect(400, field);
        c(field + " \"abc\"", body.get().str(field, "abc")).expect(400, field);
        c(field + " 12.345", body.get().with(field, "12.345")).expect(400, field);
        c(field + " 1234567890123", body.get().with(field, "1234567890123")).expect(400, field);
        c(field + " true", body.get().with(field, "true")).expect(400, field);
        c(field + " an object", body.get().with(field, "{}")).expect(400, field);
        c(field + " of 2,000 digits", body.get().with(field, "1".repeat(2000))).expect(400, field);
        c(field + " NaN (not JSON)", body.get().with(field, "NaN")).expect(400);
    }

    /** Currencies: one of the configured ISO 4217 codes, as a string; test and metal codes are no currencies. */
    private void currencyAttacks(Supplier<HostileJson> body) {
        for (String code : List.of("XXX", "XTS", "XAU", "ABC", "eur", "EURO", "")) {
            c("currency \"" + code + "\"", body.get().str("currency", code)).expect(400, "currency");
        }
        c("currency 1", body.get().with("currency", "1")).expect(400, "currency");
        c("currency missing", body.get().without("currency")).expect(400, "currency");
    }

    private void listingChangeCases() {
        family("listing-change", "PATCH /cars/{id}: present fields obey the listing's rules, nested ones included");
        at(PATCH, "/cars/{car}", DEALER);
        c("{} changes nothing", "{}").expectCode(400, "NO_CHANGES");
        c("location.city empty", object().with("location", object().str("city", ""))).expectNested(400, "city");
        c("location.city blank", object().with("location", object().str("city", "   "))).expectNested(400, "city");
        c("location.latitude 999", object().with("location", object().with("latitude", "999").str("city", "X")))
                .expectNested(400, "latitude");
        c("location without city", object().with("location", object().with("latitude", "9")))
                .expectNested(400, "city");
        c("location.timeZone Mars/Olympus", object().with("location", location().str("timeZone", "Mars/Olympus")))
                .expectNested(400, "timeZone");
        c("make empty", object().str("make", "")).expect(400, "make");
        for (String field : List.of("make", "model", "variant", "color")) {
            c(field + " whitespace only", object().str(field, "   ")).expect(400, field);
            c(field + " with a newline", object().str(field, "Two\nlines")).expect(400, field);
        }
        c("make of 41 chars", object().str("make", "m".repeat(41))).expect(400, "make");
        c("model of 61 chars", object().str("model", "m".repeat(61))).expect(400, "model");
        c("variant of 81 chars", object().str("variant", "v".repeat(81))).expect(400, "variant");
        c("color of 41 chars", object().str("color", "c".repeat(41))).expect(400, "color");
        c("description of 5,001 chars", object().str("description", "d".repeat(5001))).expect(400, "description");
        c("location.city of 81 chars", object().with("location", location().str("city", "c".repeat(81))))
                .expectNested(400, "city");
        c("a feature of 61 chars", object().with("features", array(quote("f".repeat(61)))))
                .expectNested(400, "features");
        c("21 images", object().with("images", images(21))).expect(400, "images");
        c("image url javascript:alert(1)", object().with("images", array(image("javascript:alert(1)", false))))
                .expectNested(400, "url");
        c("image url with non-ASCII characters", object().with("images",
                array(image("https://bilder.example/gr\u00fcn.jpg", false)))).expectNested(400, "url");
        c("two primary images", object().with("images", array(image("https://img.example/1.jpg", true),
                image("https://img.example/2.jpg", true)))).expect(400);
        c("51 features", object().with("features", arrayOf(51, quote("ABS")))).expect(400, "features");
        c("a feature with a newline", object().with("features", array(quote("A\nB")))).expectNested(400, "features");
        c("vin cannot be changed", object().str("vin", vin())).expect(400, "vin");
        c("licensePlate cannot be changed", object().str("licensePlate", "B-NEW 1")).expect(400, "licensePlate");
        c("currency cannot be changed", object().str("currency", "USD")).expect(400, "currency");
        c("dailyRate -1", object().with("dailyRate", "-1")).expect(400, "dailyRate");
        c("dailyRate 0", object().with("dailyRate", "0")).expect(400, "dailyRate");
        c("dailyRate 12.345", object().with("dailyRate", "12.345")).expect(400, "dailyRate");
        c("dailyRate 1e400", object().with("dailyRate", "1e400")).expect(400, "dailyRate");
        c("askingPrice \"abc\"", object().str("askingPrice", "abc")).expect(400, "askingPrice");
        c("year 2101", object().with("year", "2101")).expect(400, "year");
        c("year 2022.5", object().with("year", "2022.5")).expect(400, "year");
        c("seats 0", object().with("seats", "0")).expect(400, "seats");
        c("mileage -1", object().with("mileage", "-1")).expect(400, "mileage");
        c("maxBookingDays 366", object().with("maxBookingDays", "366")).expect(400, "maxBookingDays");
        c("bodyType lower case", object().str("bodyType", "hatchback")).expect(400, "bodyType");
        c("bodyType as a number 1", object().with("bodyType", "1")).expect(400, "bodyType");
        c("unknown property status", object().str("status", "SOLD")).expect(400, "status");
        c("unknown property dealerId", object().str("dealerId", f.id("rivalDealer"))).expect(400, "dealerId");
        c("a car that does not exist", change()).at("/cars/{unknown}").expect(404);
    }

    private void featuredCases() {
        family("featured", "PUT /cars/{id}/featured: an admin's switch takes exactly one boolean");
        at(PUT, "/cars/{car}/featured", ADMIN);
        c("featured missing", "{}").expect(400, "featured");
        c("featured null", object().with("featured", "null")).expect(400, "featured");
        c("featured \"yes\"", object().str("featured", "yes")).expect(400, "featured");
        c("featured 1", object().with("featured", "1")).expect(400, "featured");
        c("featured an object", object().with("featured", "{}")).expect(400, "featured");
        c("a car that does not exist", featuredOn()).at("/cars/{unknown}/featured").expect(404);
    }

    private void peakWindowCases() {
        family("peak-windows", "PUT /cars/{id}/peak-windows: a list of at most 20 windows of distinct weekdays "
                + "and/or a date range");
        at(PUT, "/cars/{peakCar}/peak-windows", DEALER);
        c("8 weekdays", array(window().with("weekdays", weekdays(8)))).expectNested(400, "weekdays");
        c("a repeated weekday", array(window().with("weekdays", array(quote("MONDAY"), quote("MONDAY")))))
                .expectNested(400, "weekdays");
        c("21 windows", arrayOf(21, window().toString())).expect(400);
        c("a weekday as a number", array(window().with("weekdays", array("1")))).expectNested(400, "weekdays");
        c("a weekday in lower case", array(window().with("weekdays", array(quote("monday")))))
                .expectNested(400, "weekdays");
        c("a weekday FUNDAY", array(window().with("weekdays", array(quote("FUNDAY"))))).expectNested(400, "weekdays");
        c("a weekday empty", array(window().with("weekdays", array(quote(""))))).expectNested(400, "weekdays");
        c("a weekday null", array(window().with("weekdays", array("null")))).expectNested(400, "weekdays");
        c("weekdays a string, not a list", array(window().str("weekdays", "SATURDAY")))
                .expectNested(400, "weekdays");
        c("a window with nothing", array("{}")).expect(400);
        c("a window with an empty weekday list", array(object().with("weekdays", "[]").toString())).expect(400);
        c("until before from", array(object().str("from", f.day(60)).str("until", f.day(50)).toString()))
                .expect(400);
        c("until equal to from", array(object().str("from", f.day(60)).str("until", f.day(60)).toString()))
                .expect(400);
        c("from as a number", array(object().with("from", String.valueOf(LocalDate.parse(f.day(60)).toEpochDay()))
                .str("until", f.day(70)).toString())).expectNested(400, "from");
        c("from +10000-01-01", array(object().str("from", "+10000-01-01").str("until", "+10000-02-01").toString()))
                .expectNested(400, "from");
        c("until 2030-02-30", array(object().str("from", f.day(60)).str("until", "2030-02-30").toString()))
                .expectNested(400, "until");
        c("from beyond the booking horizon", array(object().str("from", beyondHorizon(0))
                .str("until", beyondHorizon(7)).toString())).expectCode(400, BEYOND_HORIZON);
        c("until beyond the booking horizon", array(object().str("from", f.day(60))
                .str("until", beyondHorizon(0)).toString())).expectCode(400, BEYOND_HORIZON);
        c("a null element", array("null")).expect(400);
        c("an object instead of a list", window()).expect(400);
        // 20 windows of 60,000 weekdays each: about 11 MB of otherwise well-formed JSON
        c("20 windows of 60,000 weekdays each", arrayOf(20, window().with("weekdays",
                arrayOf(60_000, quote("MONDAY"))).toString())).expect(413);
        c("20 windows of 1,500 weekdays each, chunked", arrayOf(20, window().with("weekdays",
                arrayOf(1_500, quote("MONDAY"))).toString())).chunked().expect(413);
    }

    private void bookingCases() {
        family("booking", "POST /cars/{id}/bookings: two ISO dates within the horizon, short notes, nothing else");
        at(POST, "/cars/{car}/bookings", CUSTOMER);
        String[] later = stay();
        c("duplicate endDate", booking().plus("endDate", quote(later[1]))).expect(400, "endDate");
        c("unknown property status CONFIRMED", booking().str("status", "CONFIRMED")).expect(400, "status");
        c("unknown property dealerId", booking().str("dealerId", f.id("rivalDealer"))).expect(400, "dealerId");
        c("unknown property customerId", booking().str("customerId", f.id("rivalDealer"))).expect(400, "customerId");
        c("unknown property id", booking().str("id", UUID.randomUUID().toString())).expect(400, "id");
        c("unknown property totalPrice", booking().with("totalPrice", "0")).expect(400, "totalPrice");
        String[] misCased = stay();
        c("mis-cased startdate", object().str("startdate", misCased[0]).str("endDate", misCased[1]))
                .expect(400, "startdate");
        dateAttacks("startDate", () -> booking());
        dateAttacks("endDate", () -> booking(), 4);
        c("startDate missing", booking().without("startDate")).expect(400, "startDate");
        c("endDate missing", booking().without("endDate")).expect(400, "endDate");
        c("startDate null", booking().with("startDate", "null")).expect(400, "startDate");
        c("dates beyond the booking horizon", object().str("startDate", beyondHorizon(0))
                .str("endDate", beyondHorizon(2))).expectCode(400, BEYOND_HORIZON);
        String[] reversed = stay();
        c("endDate before startDate", object().str("startDate", reversed[1]).str("endDate", reversed[0]))
                .expect(400);
        c("startDate yesterday", object().str("startDate", f.day(-1)).str("endDate", f.day(1))).expect(400);
        c("notes of 1,001 chars", booking().str("notes", "n".repeat(1001))).expect(400, "notes");
        c("notes of 100,000 chars", booking().str("notes", "n".repeat(100_000))).expect(400, "notes");
        c("notes an object", booking().with("notes", "{}")).expect(400, "notes");
        c("a car that does not exist", booking()).at("/cars/{unknown}/bookings").expect(404);
    }

    /**
     * Dates are ISO {@code yyyy-MM-dd} strings with a four-digit year: no other form, however lenient a parser
     * could be. Each attack replaces one field of an otherwise valid body.
     */
    private void dateAttacks(String field, Supplier<HostileJson> body) {
        dateAttacks(field, body, Integer.MAX_VALUE);
    }

    private void dateAttacks(String field, Supplier<HostileJson> body, int howMany) {
        // Each attack is built from the date its own body holds, so a wrongly accepted one books only its own dates.
        Map<String, Function<LocalDate, String>> attacks = new LinkedHashMap<>();
        attacks.put("+10000-01-01", own -> quote("+10000-01-01"));
        attacks.put("+999999999-12-31", own -> quote("+999999999-12-31"));
        attacks.put("-0001-01-01", own -> quote("-0001-01-01"));
        attacks.put("0999-01-01", own -> quote("0999-01-01"));
        attacks.put("a number (epoch days)", own -> String.valueOf(own.toEpochDay()));
        attacks.put("2030-02-30", own -> quote("2030-02-30"));
        attacks.put("2030-1-1 (no leading zeros)", own -> quote("2030-1-1"));
        attacks.put("empty string", own -> quote(""));
        attacks.put("a date-time", own -> quote(own + "T00:00:00"));
        attacks.put("\"tomorrow\"", own -> quote("tomorrow"));
        attacks.put("with slashes", own -> quote(own.toString().replace('-', '/')));
        attacks.entrySet().stream().limit(howMany).forEach(attack -> {
            HostileJson valid = body.get();
            LocalDate own = LocalDate.parse(valid.get(field).replace("\"", ""));
            c(field + " " + attack.getKey(), valid.with(field, attack.getValue().apply(own))).expect(400, field);
        });
    }

    private void rescheduleCases() {
        family("reschedule", "POST /cars/{id}/bookings/{id}/reschedule: the same date rules as a new booking");
        at(POST, "/cars/{car}/bookings/{booking}/reschedule", CUSTOMER);
        dateAttacks("startDate", () -> reschedule());
        c("endDate missing", reschedule().without("endDate")).expect(400, "endDate");
        c("endDate \"+10000-01-01\"", reschedule().str("endDate", "+10000-01-01")).expect(400, "endDate");
        c("dates beyond the booking horizon", object().str("startDate", beyondHorizon(10))
                .str("endDate", beyondHorizon(12))).expectCode(400, BEYOND_HORIZON);
        c("unknown property notes (not part of a reschedule)", reschedule().str("notes", "x")).expect(400, "notes");
        c("unknown property status", reschedule().str("status", "CONFIRMED")).expect(400, "status");
        c("a booking that does not exist", reschedule()).at("/cars/{car}/bookings/{unknown}/reschedule")
                .expect(404);
    }

    private void bookingAnswerCases() {
        family("booking-answer", "cancel, reject and approve of a booking: an optional body is still a strict body");
        at(POST, "/cars/{car}/bookings/{booking}/cancel", CUSTOMER);
        c("note of 1,001 chars", object().str("note", "n".repeat(1001))).expect(400, "note");
        c("reason of 1,001 chars", object().str("reason", "r".repeat(1001))).expect(400, "reason");
        c("reason an object", object().with("reason", "{}")).expect(400, "reason");
        c("unknown property refund", reason().with("refund", "100")).expect(400, "refund");
        c("a booking that does not exist", reason()).at("/cars/{car}/bookings/{unknown}/cancel").expect(404);
        at(POST, "/cars/{peakCar}/bookings/{pendingBooking}/reject", DEALER);
        c("reason of 1,001 chars", object().str("reason", "r".repeat(1001))).expect(400, "reason");
        c("unknown property status", reason().str("status", "CONFIRMED")).expect(400, "status");
        c("a booking that does not exist", reason()).at("/cars/{peakCar}/bookings/{unknown}/reject").expect(404);
        at(POST, "/cars/{peakCar}/bookings/{unknown}/approve", DEALER);
        c("approve a booking that does not exist").expect(404);
    }

    private void reservationCases() {
        family("reservation", "POST /cars/{id}/purchase-reservations: payment, financing and trade-in terms");
        at(POST, "/cars/{saleCar}/purchase-reservations", CUSTOMER2);
        c("paymentMethod missing", reservation().without("paymentMethod")).expect(400, "paymentMethod");
        c("paymentMethod null", reservation().with("paymentMethod", "null")).expect(400, "paymentMethod");
        c("paymentMethod as a number 0", reservation().with("paymentMethod", "0")).expect(400, "paymentMethod");
        c("paymentMethod CASH", reservation().str("paymentMethod", "CASH")).expect(400, "paymentMethod");
        c("paymentMethod lower case", reservation().str("paymentMethod", "full_payment"))
                .expect(400, "paymentMethod");
        c("handoverDate missing", reservation().without("handoverDate")).expect(400, "handoverDate");
        c("handoverDate yesterday", reservation().str("handoverDate", f.day(-1))).expect(400);
        dateAttacks("handoverDate", () -> reservation());
        c("handoverDate beyond the booking horizon", reservation().str("handoverDate", beyondHorizon(0)))
                .expectCode(400, BEYOND_HORIZON);
        c("financing deposit -1", financed(financing().with("deposit", "-1"))).expectNested(400, "deposit");
        c("financing deposit \"abc\"", financed(financing().str("deposit", "abc"))).expectNested(400, "deposit");
        c("financing deposit 12.345", financed(financing().with("deposit", "12.345"))).expectNested(400, "deposit");
        c("financing deposit missing", financed(financing().without("deposit"))).expectNested(400, "deposit");
        c("financing termMonths 0", financed(financing().with("termMonths", "0"))).expectNested(400, "termMonths");
        c("financing termMonths 601", financed(financing().with("termMonths", "601")))
                .expectNested(400, "termMonths");
        c("financing termMonths 2.5", financed(financing().with("termMonths", "2.5")))
                .expectNested(400, "termMonths");
        c("financing termMonths missing", financed(financing().without("termMonths")))
                .expectNested(400, "termMonths");
        c("financing a list", reservation().str("paymentMethod", "FINANCE").with("financing", array("1")))
                .expectNested(400, "financing");
        c("tradeIn make blank", tradedIn(tradeIn().str("make", ""))).expectNested(400, "make");
        c("tradeIn make whitespace only", tradedIn(tradeIn().str("make", "   "))).expectNested(400, "make");
        c("tradeIn make of 41 chars", tradedIn(tradeIn().str("make", "m".repeat(41)))).expectNested(400, "make");
        c("tradeIn make with a newline", tradedIn(tradeIn().str("make", "V\nW"))).expectNested(400, "make");
        c("tradeIn model with a tab", tradedIn(tradeIn().str("model", "Po\tlo"))).expectNested(400, "model");
        c("tradeIn model of 61 chars", tradedIn(tradeIn().str("model", "m".repeat(61)))).expectNested(400, "model");
        c("tradeIn year 1800", tradedIn(tradeIn().with("year", "1800"))).expectNested(400, "year");
        c("tradeIn mileage -1", tradedIn(tradeIn().with("mileage", "-1"))).expectNested(400, "mileage");
        c("tradeIn value -1", tradedIn(tradeIn().with("value", "-1"))).expectNested(400, "value");
        c("tradeIn value 1e400", tradedIn(tradeIn().with("value", "1e400"))).expectNested(400, "value");
        c("tradeIn unknown property vin", tradedIn(tradeIn().str("vin", vin()))).expectNested(400, "vin");
        c("unknown property agreedPrice (mass assignment)", reservation().with("agreedPrice", "1"))
                .expect(400, "agreedPrice");
        c("unknown property status", reservation().str("status", "CONFIRMED")).expect(400, "status");
        c("unknown property orderNumber", reservation().str("orderNumber", "CM-1")).expect(400, "orderNumber");
        c("a car that does not exist", reservation()).at("/cars/{unknown}/purchase-reservations").expect(404);
    }

    private void reservationAnswerCases() {
        family("reservation-answer", "schedule-inspection and cancel of a purchase reservation");
        at(POST, "/cars/{reservedCar}/purchase-reservations/{reservation}/schedule-inspection", DEALER);
        c("inspectionDate missing", "{}").expect(400, "inspectionDate");
        c("inspectionDate yesterday", inspection().str("inspectionDate", f.day(-1))).expect(400);
        dateAttacks("inspectionDate", () -> inspection());
        c("inspectionDate beyond the booking horizon", inspection().str("inspectionDate", beyondHorizon(0)))
                .expectCode(400, BEYOND_HORIZON);
        c("a reservation that does not exist", inspection())
                .at("/cars/{reservedCar}/purchase-reservations/{unknown}/schedule-inspection").expect(404);
        at(POST, "/cars/{reservedCar}/purchase-reservations/{reservation}/cancel", CUSTOMER2);
        c("reason of 1,001 chars", object().str("reason", "r".repeat(1001))).expect(400, "reason");
        c("note of 1,001 chars", object().str("note", "n".repeat(1001))).expect(400, "note");
        c("unknown property refund", reason().with("refund", "100")).expect(400, "refund");
        c("a reservation that does not exist", reason())
                .at("/cars/{reservedCar}/purchase-reservations/{unknown}/cancel").expect(404);
    }

    // =============================================================================================================
    // Negotiations
    // =============================================================================================================

    private void negotiationCases() {
        family("negotiation", "POST /negotiations: a car id and a positive amount of money");
        at(POST, "/negotiations", CUSTOMER2);
        amountAttacks(() -> opening());
        c("carId empty", opening().str("carId", "")).expect(400, "carId");
        c("carId blank", opening().str("carId", "   ")).expect(400, "carId");
        c("carId of 65 chars", opening().str("carId", "c".repeat(65))).expect(400, "carId");
        c("carId missing", opening().without("carId")).expect(400, "carId");
        c("carId with NUL", opening().str("carId", f.id("car") + "\u0000")).expect(400, "carId");
        c("carId a list", opening().with("carId", array(quote(f.id("car"))))).expect(400, "carId");
        c("message of 1,001 chars", opening().str("message", "m".repeat(1001))).expect(400, "message");
        c("message of 100,000 chars", opening().str("message", "m".repeat(100_000))).expect(400, "message");
        c("unknown property dealerId", opening().str("dealerId", f.id("rivalDealer"))).expect(400, "dealerId");
        c("unknown property buyerId", opening().str("buyerId", f.id("rivalDealer"))).expect(400, "buyerId");
        c("unknown property status", opening().str("status", "ACCEPTED")).expect(400, "status");
        c("a car that does not exist", opening().str("carId", UUID.randomUUID().toString())).expect(404);
    }

    private void amountAttacks(Supplier<HostileJson> body) {
        c("amount 0", body.get().with("amount", "0")).expect(400, "amount");
        c("amount -5", body.get().with("amount", "-5")).expect(400, "amount");
        c("amount 1e400", body.get().with("amount", "1e400")).expect(400, "amount");
        c("amount 12.345", body.get().with("amount", "12.345")).expect(400, "amount");
        c("amount missing", body.get().without("amount")).expect(400, "amount");
        c("amount null", body.get().with("amount", "null")).expect(400, "amount");
        c("amount \"abc\"", body.get().str("amount", "abc")).expect(400, "amount");
        c("amount true", body.get().with("amount", "true")).expect(400, "amount");
        c("amount of 2,000 digits", body.get().with("amount", "1".repeat(2000))).expect(400, "amount");
    }

    private void negotiationAnswerCases() {
        family("negotiation-answer", "offers and answers in a negotiation; unknown negotiations are 404");
        at(POST, "/negotiations/{negotiation}/offers", DEALER);
        amountAttacks(() -> offer());
        c("message of 1,001 chars", offer().str("message", "m".repeat(1001))).expect(400, "message");
        c("unknown property status", offer().str("status", "ACCEPTED")).expect(400, "status");
        c("offer in a negotiation that does not exist", offer()).at("/negotiations/{unknown}/offers").expect(404);
        at(POST, "/negotiations/{negotiation}/reject", DEALER);
        c("reason of 1,001 chars", object().str("reason", "r".repeat(1001))).expect(400, "reason");
        c("unknown property note", reason().str("note", "x")).expect(400, "note");
        c("reject in a negotiation that does not exist", reason()).at("/negotiations/{unknown}/reject").expect(404);
        at(POST, "/negotiations/{unknown}/accept", DEALER);
        c("accept in a negotiation that does not exist").expect(404);
        at(POST, "/negotiations/{unknown}/cancel", CUSTOMER);
        c("cancel of a negotiation that does not exist").expect(404);
    }

    // =============================================================================================================
    // Attacks every JSON body must withstand, generated for each endpoint that takes one
    // =============================================================================================================

    /**
     * Every endpoint with a JSON body: how a valid body looks, which string field the hostile characters go into
     * (with a valid sample value), which key is duplicated, which unknown property is added.
     */
    private List<BodyEndpoint> bodyEndpoints() {
        return List.of(
                body(POST, "/auth/register", ANONYMOUS, this::account)
                        .text("name", "Hostile Tester").duplicate("email").unknown("isAdmin", "true"),
                body(POST, "/auth/login", ANONYMOUS, this::login)
                        .text("email", f.customerEmail()).duplicate("password").unknown("role", quote("ADMIN")),
                body(POST, "/admin/auditors", ADMIN, this::auditor)
                        .text("name", "Auditor").duplicate("email").unknown("role", quote("ADMIN")),
                body(POST, "/cars", DEALER, this::listing)
                        .text("model", "Golf").duplicate("make").unknown("dealerId", quote(f.id("rivalDealer"))),
                body(PATCH, "/cars/{car}", DEALER, this::change)
                        .text("color", "Red").duplicate("description").unknown("vin", quote(vin())),
                body(PUT, "/cars/{car}/featured", ADMIN, this::featuredOn)
                        .text("featured", "true").duplicate("featured").unknown("carId", quote(f.id("car"))),
                peakWindowEndpoint(),
                body(POST, "/cars/{car}/bookings", CUSTOMER, this::booking)
                        .text("notes", "Hostile corpus").duplicate("startDate").unknown("status", quote("CONFIRMED")),
                body(POST, "/cars/{car}/bookings/{booking}/reschedule", CUSTOMER, this::reschedule)
                        .text("startDate", stay()[0]).duplicate("endDate").unknown("totalPrice", "0"),
                body(POST, "/cars/{car}/bookings/{booking}/cancel", CUSTOMER, this::reason).optional()
                        .text("reason", "Plans changed").duplicate("reason").unknown("status", quote("COMPLETED")),
                body(POST, "/cars/{peakCar}/bookings/{pendingBooking}/reject", DEALER, this::reason).optional()
                        .text("reason", "Plans changed").duplicate("reason").unknown("status", quote("CONFIRMED")),
                body(POST, "/cars/{saleCar}/purchase-reservations", CUSTOMER2, () -> tradedIn(tradeIn()))
                        .text("make", "VW", value -> tradedIn(tradeIn().with("make", value)))
                        .duplicate("paymentMethod").unknown("agreedPrice", "1"),
                body(POST, "/cars/{reservedCar}/purchase-reservations/{reservation}/schedule-inspection", DEALER,
                        this::inspection).text("inspectionDate", f.day(10)).duplicate("inspectionDate")
                        .unknown("status", quote("COMPLETED")),
                body(POST, "/cars/{reservedCar}/purchase-reservations/{reservation}/cancel", CUSTOMER2, this::reason)
                        .optional().text("reason", "Changed my mind").duplicate("reason")
                        .unknown("status", quote("COMPLETED")),
                body(POST, "/negotiations", CUSTOMER2, this::opening)
                        .text("message", "Would you take less?").duplicate("amount")
                        .unknown("dealerId", quote(f.id("rivalDealer"))),
                body(POST, "/negotiations/{negotiation}/offers", DEALER, this::offer)
                        .text("message", "Meet me halfway").duplicate("amount").unknown("status", quote("ACCEPTED")),
                body(POST, "/negotiations/{negotiation}/reject", DEALER, this::reason).optional()
                        .text("reason", "Too low").duplicate("reason").unknown("status", quote("ACCEPTED")));
    }

    /** The peak windows' body is a list: the attacks go into its one window. */
    private BodyEndpoint peakWindowEndpoint() {
        BodyEndpoint endpoint = new BodyEndpoint(PUT, "/cars/{peakCar}/peak-windows", DEALER, null);
        endpoint.valid = () -> array(window().toString());
        endpoint.arrayBody = true;
        endpoint.textKey = "weekdays";
        endpoint.textNested = true;
        endpoint.sample = "SATURDAY";
        endpoint.withText = value -> array(window().with("weekdays", array(value)).toString());
        endpoint.duplicateKey = "weekdays";
        endpoint.duplicateNested = true;
        endpoint.duplicated = () -> array(window().plus("weekdays", array(quote("SUNDAY"))).toString());
        endpoint.unknownKey = "price";
        endpoint.unknownNested = true;
        endpoint.withUnknown = () -> array(window().with("price", "100").toString());
        return endpoint;
    }

    private void genericBodyAttacks(BodyEndpoint e) {
        family("content-type", "request bodies are JSON only: any other or a broken Content-Type is 415, "
                + "also for an otherwise valid body");
        for (Map.Entry<String, String> type : contentTypes(e).entrySet()) {
            request(type.getKey() == null ? "no Content-Type" : "Content-Type " + type.getKey(), e.method, e.path,
                    e.session).json(type.getValue()).contentType(type.getKey()).expect(415);
        }

        family("body-size", "a body over 128 KiB is 413, whether framed by Content-Length or chunked");
        request("valid body padded with white space to 136 KiB", e.method, e.path, e.session)
                .json(paddedBeyondLimit(e.valid.get())).expect(413);
        request("valid body padded with white space to 136 KiB, chunked", e.method, e.path, e.session)
                .json(paddedBeyondLimit(e.valid.get())).chunked().expect(413);

        family("duplicate-key", "a key twice in one object is 400 naming the key, whichever value would win");
        field(request("\"" + e.duplicateKey + "\" twice", e.method, e.path, e.session).json(e.duplicated.get()),
                e.duplicateKey, e.duplicateNested);

        family("unknown-property", "a property the endpoint does not know is 400 naming it: mass assignment is "
                + "refused, not ignored");
        field(request("unknown property \"" + e.unknownKey + "\"", e.method, e.path, e.session)
                .json(e.withUnknown.get()), e.unknownKey, e.unknownNested);

        family("hostile-characters", "no string of any body holds C0/C1 controls, DEL, bidi controls or a lone "
                + "surrogate");
        for (Map.Entry<String, String> character : HOSTILE_CHARACTERS.entrySet()) {
            String value = e.sample.substring(0, 2) + character.getValue() + e.sample.substring(2);
            field(request(e.textKey + " with " + character.getKey(), e.method, e.path, e.session)
                    .json(e.withText.apply(quote(value))), e.textKey, e.textNested);
        }

        family("json-syntax", "a body that is not exactly one well-formed JSON value of the expected shape is 400");
        String truncated = e.valid.get();
        request("truncated", e.method, e.path, e.session).json(truncated.substring(0, truncated.length() - 4))
                .expect(400);
        request("a second JSON value after the body", e.method, e.path, e.session).json(e.valid.get() + "{}")
                .expect(400);
        if (!e.optionalBody) {
            // For an optional body, a JSON null is no body, as documented in docs/api.md.
            request("null", e.method, e.path, e.session).json("null").expect(400);
            request("empty body", e.method, e.path, e.session).json("").expect(400);
        }
        request(e.arrayBody ? "an object instead of a list" : "a list instead of an object", e.method, e.path,
                e.session).json(e.arrayBody ? window().toString() : array(e.valid.get())).expect(400);
        request("a bare number", e.method, e.path, e.session).json("42").expect(400);
        request("nesting depth 5,000", e.method, e.path, e.session)
                .json(e.withText.apply("[".repeat(5_000) + "]".repeat(5_000))).expect(400);
        request(e.textKey + " with a raw (unescaped) U+0001", e.method, e.path, e.session)
                .json(e.withText.apply(quoteRaw("Ho\u0001stile"))).expect(400);
        request(e.textKey + " with invalid UTF-8 bytes", e.method, e.path, e.session)
                .bytes(invalidUtf8(e.withText.apply(quote("Ho" + INVALID_UTF8_MARK + "stile")))).expect(400);
        request("single quotes instead of double quotes", e.method, e.path, e.session)
                .json(e.valid.get().replace('"', '\'')).expect(400);
        request("a comment before the body", e.method, e.path, e.session).json("/* hostile */" + e.valid.get())
                .expect(400);
    }

    /** The valid body with 136 KiB of JSON white space after its opening brace or bracket: still valid JSON. */
    private static String paddedBeyondLimit(String valid) {
        return valid.charAt(0) + " ".repeat(BODY_LIMIT + 8 * 1024) + valid.substring(1);
    }

    /** Content-Type to the body sent with it: YAML, XML and forms get a faithful rendering of the valid body. */
    private Map<String, String> contentTypes(BodyEndpoint e) {
        Map<String, String> types = new LinkedHashMap<>();
        types.put("*/*", e.valid.get());
        types.put("application/yaml", HostileRenderings.yaml(e.valid.get()));
        types.put("application/x-yaml", HostileRenderings.yaml(e.valid.get()));
        types.put("text/yaml", HostileRenderings.yaml(e.valid.get()));
        types.put("application/xml", HostileRenderings.xml(e.valid.get()));
        types.put("text/xml", HostileRenderings.xml(e.valid.get()));
        types.put("text/plain", e.valid.get());
        types.put("application/x-www-form-urlencoded", HostileRenderings.form(e.valid.get()));
        types.put("multipart/form-data; boundary=x", HostileRenderings.multipart(e.valid.get()));
        types.put("application/cbor", e.valid.get());
        types.put("application/x-jackson-smile", e.valid.get());
        types.put("application/octet-stream", e.valid.get());
        types.put("application/json; charset=ISO-8859-1", e.valid.get());
        types.put("application/", e.valid.get());
        types.put(";;", e.valid.get());
        types.put(null, e.valid.get());
        return types;
    }

    // =============================================================================================================
    // Query parameters
    // =============================================================================================================

    private void searchCases() {
        family("search", "GET /cars: every parameter is parsed strictly and range-checked");
        at(GET, "/cars", ANONYMOUS);
        q("minPrice=1e9999").expect(400, "minPrice");
        q("minPrice=1E-8000").expect(400, "minPrice");
        q("maxPrice=1e400").expect(400, "maxPrice");
        q("minPrice=abc").expect(400, "minPrice");
        q("minPrice=NaN").expect(400, "minPrice");
        q("minPrice=Infinity").expect(400, "minPrice");
        q("maxPrice=-1").expect(400, "maxPrice");
        q("minPrice=10&maxPrice=5").expect(400, "maxPrice");
        q("minYear=abc").expect(400, "minYear");
        q("minYear=1899").expect(400, "minYear");
        q("maxYear=2101").expect(400, "maxYear");
        q("minYear=2022.5").expect(400, "minYear");
        q("minYear=2020&maxYear=2010").expect(400, "maxYear");
        q("limit=0").expect(400, "limit");
        q("limit=101").expect(400, "limit");
        q("limit=-1").expect(400, "limit");
        q("limit=99999999999").expect(400, "limit");
        q("limit=abc").expect(400, "limit");
        q("limit=1.5").expect(400, "limit");
        q("sort=foo").expect(400, "sort");
        q("sort=price,sideways").expect(400, "sort");
        q("sort=price,asc,extra").expect(400, "sort");
        q("bodyType=1").expect(400, "bodyType");
        q("bodyType=hatchback").expect(400, "bodyType");
        q("transmission=X").expect(400, "transmission");
        q("fuelType=0").expect(400, "fuelType");
        q("priceType=X").expect(400, "priceType");
        q("maxMileage=-1").expect(400, "maxMileage");
        q("maxMileage=1.5").expect(400, "maxMileage");
        q("availableFrom=+10000-01-01&availableTo=+10000-01-05").expect(400, "availableFrom");
        q("availableFrom=2030-02-30&availableTo=2030-03-01").expect(400, "availableFrom");
        q("availableFrom=20900&availableTo=20901").expect(400, "availableFrom");
        q("only availableFrom", "availableFrom=" + f.day(30)).expect(400, "availableTo");
        q("availableTo before availableFrom", "availableFrom=" + f.day(30) + "&availableTo=" + f.day(25))
                .expect(400, "availableTo");
        q("q=!!!").expect(400, "q");
        q("q of 101 chars", "q=" + "a".repeat(101)).expect(400, "q");
        q("q of 30 words", "q=" + IntStream.range(0, 30).mapToObj(i -> "w" + i).collect(Collectors.joining("+")))
                .expect(400, "q");
        q("city of 81 chars", "city=" + "c".repeat(81)).expect(400, "city");
        q("make repeated 21 times", IntStream.range(0, 21).mapToObj(i -> "make=M" + i)
                .collect(Collectors.joining("&"))).expect(400, "make");
    }

    private void searchCursorCases() {
        family("search-cursor", "a cursor is only what the API returned, for the same ordering; a tampered one is "
                + "400, never a failed query");
        at(GET, "/cars", ANONYMOUS);
        q("cursor=garbage").expect(400, "cursor");
        q("cursor of two parts", "cursor=" + base64Url("PRICE:ASC:DAILY_RATE\n49.50")).expect(400, "cursor");
        Map<String, String> sorts = orderedMap("price", "sort=price,asc", "year", "sort=year", "createdAt", "");
        for (Map.Entry<String, String> ordering : sorts.entrySet()) {
            for (String sortValue : List.of("abc", "1e99999", "NaN")) {
                String cursor = tamperedCursor(f.cursors().get(ordering.getKey()), sortValue);
                String query = (ordering.getValue().isEmpty() ? "" : ordering.getValue() + "&") + "cursor=" + cursor;
                q(ordering.getKey() + " cursor with sort value " + sortValue, query).expect(400, "cursor");
            }
        }
        q("a price cursor in a search by year", "sort=year&cursor=" + f.cursors().get("price")).expect(400, "cursor");
        q("a price cursor in a search by asking price",
                "sort=price,asc&priceType=ASKING_PRICE&cursor=" + f.cursors().get("price")).expect(400, "cursor");
        q("a cursor of the bookings list", "cursor=" + listCursor("bookings", "1700000000000"))
                .expect(400, "cursor");
    }

    private void carPageCases() {
        family("car-pages", "a car's page, calendar and similar cars; featured cars: bounded parameters, 404 for "
                + "cars that do not exist");
        at(GET, "/cars/{car}/availability", ANONYMOUS);
        q("from=+10000-01-01").expect(400, "from");
        q("from=2030-01-10&to=2030-01-10").expect(400, "to");
        q("to 367 days after from", "from=" + f.day(10) + "&to=" + f.day(377)).expect(400, "to");
        q("from=abc").expect(400, "from");
        q("from=2030-02-30").expect(400, "from");
        q("to=abc").expect(400, "to");
        at(GET, "/cars/{car}/similar", ANONYMOUS);
        q("limit=0").expect(400, "limit");
        q("limit=21").expect(400, "limit");
        q("limit=abc").expect(400, "limit");
        at(GET, "/cars/featured", ANONYMOUS);
        q("limit=0").expect(400, "limit");
        q("limit=51").expect(400, "limit");
        request("a car that does not exist", GET, "/cars/{unknown}", ANONYMOUS).expect(404);
        request("calendar of a car that does not exist", GET, "/cars/{unknown}/availability", ANONYMOUS).expect(404);
        request("similar cars of a car that does not exist", GET, "/cars/{unknown}/similar", ANONYMOUS).expect(404);
    }

    private void myListCases() {
        family("my-lists", "the signed-in user's bookings, reservations, negotiations, notifications, favorites");
        at(GET, "/bookings", CUSTOMER);
        q("from=+10000-01-01").expect(400, "from");
        q("from=2030-01-05&to=2030-01-01").expect(400, "to");
        q("status=FOO").expect(400, "status");
        q("status repeated 6 times", "status=CONFIRMED&status=CANCELLED&status=REJECTED&status=COMPLETED"
                + "&status=PENDING_APPROVAL&status=EXPIRED").expect(400, "status");
        q("limit=0").expect(400, "limit");
        q("limit=101").expect(400, "limit");
        q("cursor=garbage").expect(400, "cursor");
        q("a cursor of the notifications list", "cursor=" + listCursor("notifications", "1700000000000"))
                .expect(400, "cursor");
        q("a cursor whose timestamp is no number", "cursor=" + listCursor("bookings", "abc")).expect(400, "cursor");
        request("a booking that does not exist", GET, "/bookings/{unknown}", CUSTOMER).expect(404);
        at(GET, "/purchase-reservations", CUSTOMER2);
        q("status=FOO").expect(400, "status");
        q("limit=0").expect(400, "limit");
        q("cursor=garbage").expect(400, "cursor");
        q("a cursor of the bookings list", "cursor=" + listCursor("bookings", "1700000000000"))
                .expect(400, "cursor");
        request("a reservation that does not exist", GET, "/purchase-reservations/{unknown}", CUSTOMER2).expect(404);
        at(GET, "/negotiations", CUSTOMER);
        q("as=stranger").expect(400, "as");
        q("status=FOO").expect(400, "status");
        q("limit=0").expect(400, "limit");
        q("cursor=garbage").expect(400, "cursor");
        request("a negotiation that does not exist", GET, "/negotiations/{unknown}", CUSTOMER).expect(404);
        at(GET, "/notifications", CUSTOMER);
        q("unread=maybe").expect(400, "unread");
        q("limit=0").expect(400, "limit");
        q("cursor=garbage").expect(400, "cursor");
        request("mark read a notification that does not exist", POST, "/notifications/{unknown}/read", CUSTOMER)
                .expect(404);
        at(GET, "/favorites", CUSTOMER);
        q("limit=0").expect(400, "limit");
        q("cursor=garbage").expect(400, "cursor");
        request("a car id of 101 chars", PUT, "/favorites/" + "c".repeat(101), CUSTOMER).expect(400, "carId");
        request("remove a car id of 101 chars", DELETE, "/favorites/" + "c".repeat(101), CUSTOMER)
                .expect(400, "carId");
        request("a car that does not exist", PUT, "/favorites/{unknown}", CUSTOMER).expect(404);
    }

    private void dealerViewCases() {
        family("dealer-views", "a dealer's inventory and dashboard: bounded parameters, whose cars, 404 for cars "
                + "that do not exist or are another dealer's");
        at(GET, "/dealer/cars", DEALER);
        q("status=FOO").expect(400, "status");
        q("sort=colour").expect(400, "sort");
        q("sort=make,sideways").expect(400, "sort");
        q("limit=0").expect(400, "limit");
        q("limit=101").expect(400, "limit");
        q("limit=abc").expect(400, "limit");
        q("cursor=garbage").expect(400, "cursor");
        request("an admin who names no dealer", GET, "/dealer/cars", ADMIN).expect(400, "dealerId");
        request("a car that does not exist", GET, "/dealer/cars/{unknown}", DEALER).expect(404);
        request("another dealer's car", GET, "/dealer/cars/{car}", DEALER2).expect(404);
        request("an admin's dealer dashboard that names no dealer", GET, "/dashboards/dealer", ADMIN)
                .expect(400, "dealerId");
    }

    // =============================================================================================================
    // Security and routing
    // =============================================================================================================

    private void tokenCases() {
        family("tokens", "no token or a bad one on a private endpoint is 401 with WWW-Authenticate");
        request("no token", GET, "/bookings", ANONYMOUS).expect(401).expectHeader("WWW-Authenticate");
        request("no token", GET, "/auth/me", ANONYMOUS).expect(401).expectHeader("WWW-Authenticate");
        request("no token", GET, "/notifications", ANONYMOUS).expect(401).expectHeader("WWW-Authenticate");
        request("no token", POST, "/cars/{car}/bookings", ANONYMOUS).json(booking()).expect(401)
                .expectHeader("WWW-Authenticate");
        request("no token", PATCH, "/cars/{car}", ANONYMOUS).json(change()).expect(401)
                .expectHeader("WWW-Authenticate");
        request("no token", POST, "/negotiations", ANONYMOUS).json(opening()).expect(401)
                .expectHeader("WWW-Authenticate");
        request("Bearer garbage", GET, "/bookings", ANONYMOUS).header("Authorization", "Bearer garbage")
                .expect(401).expectHeader("WWW-Authenticate");
        request("Bearer with nothing", GET, "/bookings", ANONYMOUS).header("Authorization", "Bearer ")
                .expect(401).expectHeader("WWW-Authenticate");
        request("Basic xyz", GET, "/bookings", ANONYMOUS).header("Authorization", "Basic xyz")
                .expect(401).expectHeader("WWW-Authenticate");
        request("Bearer a.b.c", GET, "/bookings", ANONYMOUS).header("Authorization", "Bearer a.b.c")
                .expect(401).expectHeader("WWW-Authenticate");
        request("Bearer of 6,000 chars", GET, "/bookings", ANONYMOUS)
                .header("Authorization", "Bearer " + "a".repeat(1_000) + "." + "b".repeat(4_000) + "." + "c".repeat(1_000))
                .expect(401).expectHeader("WWW-Authenticate");
        request("Bearer garbage on a public search", GET, "/cars", ANONYMOUS)
                .header("Authorization", "Bearer garbage").expect(401).expectHeader("WWW-Authenticate");
        request("Bearer garbage on a write", POST, "/cars/{car}/bookings", ANONYMOUS).json(booking())
                .header("Authorization", "Bearer garbage").expect(401).expectHeader("WWW-Authenticate");
    }

    private void auditCases() {
        family("audit", "the audit and projections API: versions, instants, pages and filters parsed strictly, "
                + "misspelt parameters refused, unknown ids 404, other roles 403, nothing replayed by mistake");
        at(GET, "/audit/aggregates/{car}/events", ADMIN);
        q("fromSequence=-1").expect(400, "fromSequence");
        q("fromSequence=99999999999999999999").expect(400, "fromSequence");
        q("limit=0").expect(400, "limit");
        q("limit=1001").expect(400, "limit");
        q("limt=5").expect(400, "limt");
        q("limit=5&limit=6").expect(400, "limit");
        at(GET, "/audit/aggregates/{car}/state", ADMIN);
        q("version=-1").expect(400, "version");
        q("version=1e3").expect(400, "version");
        q("at=2026-02-30T00:00:00Z").expect(400, "at");
        q("at=2026-01-01").expect(400, "at");
        q("version=0&at=2026-01-01T00:00:00Z").expect(400, "at");
        at(GET, "/audit/aggregates/{car}/diff", ADMIN);
        q("from=1&to=0").expect(400, "from");
        q("from=0").expect(400, "to");
        request("history of an aggregate that does not exist", GET, "/audit/aggregates/{unknown}/events", ADMIN)
                .expect(404);
        at(GET, "/audit/events", ADMIN);
        q("usr=someone").expect(400, "usr");
        q("user=").expect(400, "user");
        q("user=a&user=b").expect(400, "user");
        q("limit=501").expect(400, "limit");
        q("from=yesterday").expect(400, "from");
        q("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z").expect(400, "to");
        q("cursor=garbage").expect(400, "cursor");
        request("a correlation nobody used", GET, "/audit/correlations/{unknown}", ADMIN).expect(404);
        request("a projection that does not exist", GET, "/admin/projections/{unknown}", ADMIN).expect(404);
        request("replay of a projection that does not exist", POST, "/admin/projections/{unknown}/replay", ADMIN)
                .expect(404);
        request("customer reads the global log", GET, "/audit/events", CUSTOMER).expect(403);
        request("dealer reads a car's history", GET, "/audit/aggregates/{car}/events", DEALER).expect(403);
        request("customer replays a projection", POST, "/admin/projections/car-search/replay", CUSTOMER)
                .expect(403);
    }

    private void roleCases() {
        family("roles", "a wrong role is 403 before the body is read; another dealer's car is 403 from the aggregate");
        request("customer lists a car", POST, "/cars", CUSTOMER).json(listing()).expect(403);
        request("dealer books a car", POST, "/cars/{car}/bookings", DEALER).json(booking()).expect(403);
        request("admin books a car", POST, "/cars/{car}/bookings", ADMIN).json(booking()).expect(403);
        request("customer features a car", PUT, "/cars/{car}/featured", CUSTOMER).json(featuredOn()).expect(403);
        request("dealer features a car", PUT, "/cars/{car}/featured", DEALER).json(featuredOn()).expect(403);
        request("customer sets peak windows", PUT, "/cars/{peakCar}/peak-windows", CUSTOMER)
                .json(array(window().toString())).expect(403);
        request("customer approves a booking", POST, "/cars/{peakCar}/bookings/{pendingBooking}/approve", CUSTOMER)
                .expect(403);
        request("customer withdraws a car", POST, "/cars/{car}/withdraw", CUSTOMER).expect(403);
        request("dealer reserves a car", POST, "/cars/{saleCar}/purchase-reservations", DEALER).json(reservation())
                .expect(403);
        request("customer schedules an inspection",
                POST, "/cars/{reservedCar}/purchase-reservations/{reservation}/schedule-inspection", CUSTOMER2)
                .json(inspection()).expect(403);
        request("dealer opens a negotiation", POST, "/negotiations", DEALER).json(opening()).expect(403);
        request("dealer cancels a negotiation", POST, "/negotiations/{negotiation}/cancel", DEALER).expect(403);
        request("customer creates an auditor", POST, "/admin/auditors", CUSTOMER).json(auditor()).expect(403);
        request("another dealer changes the car", PATCH, "/cars/{car}", DEALER2).json(change()).expect(403);
        request("another dealer sets peak windows", PUT, "/cars/{peakCar}/peak-windows", DEALER2)
                .json(array(window().toString())).expect(403);
    }

    private void routingCases() {
        family("routing", "unknown paths, wrong methods and unacceptable Accept headers get problems too");
        request("unknown path", GET, "/api/v1/nope", CUSTOMER).absolute().expect(404);
        request("unknown path outside the API", GET, "/nope", CUSTOMER).absolute().expect(404);
        request("unknown sub-path of a car", GET, "/cars/{car}/nope", ANONYMOUS).expect(404);
        request("wrong method on the search", DELETE, "/cars", DEALER).expect(405).expectHeader("Allow");
        request("PATCH without a car id", PATCH, "/cars", DEALER).json(change()).expect(405).expectHeader("Allow");
        request("wrong method on login", PUT, "/auth/login", CUSTOMER).json(login()).expect(405)
                .expectHeader("Allow");
        request("GET on login", GET, "/auth/login", CUSTOMER).expect(405).expectHeader("Allow");
        request("unknown method", "FOO", "/cars", DEALER).expect(405);
        request("TRACE", "TRACE", "/cars", ANONYMOUS).expect(405);
        request("the error page without an error", GET, "/error", ANONYMOUS).absolute().expect(404);
        request("Accept: application/xml", GET, "/cars", ANONYMOUS).header("Accept", "application/xml").expect(406);
        request("Accept: text/html on a car that does not exist", GET, "/cars/{unknown}", ANONYMOUS)
                .header("Accept", "text/html").expect(404);
        request("CORS preflight from a foreign origin", "OPTIONS", "/cars", ANONYMOUS)
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .expect(403);
        request("correlation id with markup (replaced, never echoed)", GET, "/cars", ANONYMOUS).query("limit=0")
                .header("X-Correlation-Id", "<script>alert(1)</script>").expect(400, "limit");
    }

    private void idempotencyKeyCases() {
        family("idempotency-key", "one Idempotency-Key of sane characters and length, or none");
        at(POST, "/cars/{car}/bookings", CUSTOMER);
        c("a key of 201 chars", booking()).header("Idempotency-Key", "k".repeat(201)).expect(400);
        c("two keys", booking()).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Idempotency-Key", UUID.randomUUID().toString()).expect(400);
        c("a key with spaces", booking()).header("Idempotency-Key", "my key with spaces").expect(400);
        c("an empty key", booking()).header("Idempotency-Key", "").expect(400);
        c("a key with non-ASCII characters", booking()).header("Idempotency-Key", "schl\u00fcssel-\u0416").expect(400);
    }

    private void firewallCases() {
        family("firewall", "paths and headers Spring Security's StrictHttpFirewall refuses: 400 problem, not a 500");
        for (String path : List.of("/api/v1/cars/%2e%2e/x", "/api/v1/cars/./x", "/api/v1/cars;jsessionid=1",
                "/api/v1/cars//x", "/api/v1/cars/a%0d%0ab", "/api/v1/cars/%25", "/api/v1/cars/a%5Cb",
                "/api/v1/cars/%3B")) {
            request("", GET, path, ANONYMOUS).absolute().expect(400);
        }
        // The firewall checks a header when the application reads it; a header nobody reads is ignored.
        request("an Authorization header with U+0085 (as UTF-8)", GET, "/bookings", ANONYMOUS)
                .header("Authorization", "Bearer a\u0085b").expect(400);
    }

    private void tomcatCases() {
        family("tomcat", "requests Tomcat refuses before Spring still get a problem: bad request line, bad headers, "
                + "too large");
        request("NUL as %00", GET, "/api/v1/cars/a%00b", ANONYMOUS).absolute().expect(400);
        request("a raw NUL byte", GET, "/api/v1/cars/a\u0000b", ANONYMOUS).absolute().expect(400);
        request("encoded slash %2F", GET, "/api/v1/cars/a%2Fb", ANONYMOUS).absolute().expect(400);
        request("invalid percent-encoding %zz", GET, "/api/v1/cars/%zz", ANONYMOUS).absolute().expect(400);
        for (String character : List.of("[", "]", "{", "}", "|", "\\", "<", ">", "\"")) {
            request("raw " + character + " in the path", GET, "/api/v1/cars/a" + character + "b", ANONYMOUS)
                    .absolute().expect(400);
        }
        request("a raw space in the path", GET, "/api/v1/cars/a b", ANONYMOUS).absolute().expect(400);
        request("a control character 0x01 in a header value", GET, "/cars", ANONYMOUS).header("X-Foo", "a\u0001b")
                .expect(400);
        request("a header line without a colon", GET, "/cars", ANONYMOUS).rawHeaderLine("X-Foo-Without-Colon")
                .expect(400);
        request("Content-Length abc", POST, "/auth/login", ANONYMOUS).header("Content-Length", "abc").expect(400);
        request("Content-Length -1", POST, "/auth/login", ANONYMOUS).header("Content-Length", "-1").expect(400);
        request("a header of 9 KB", GET, "/cars", ANONYMOUS).header("X-Big", "b".repeat(9 * 1024)).expect(431);
        Builder manyHeaders = request("150 headers", GET, "/cars", ANONYMOUS);
        IntStream.range(0, 150).forEach(i -> manyHeaders.header("X-Hostile-" + i, "v"));
        manyHeaders.expect(431);
        request("a URL of 9 KB", GET, "/cars", ANONYMOUS).query("q=" + "u".repeat(9 * 1024)).expect(414);
    }

    // =============================================================================================================
    // The DSL
    // =============================================================================================================

    private void family(String name, String guards) {
        this.family = name;
        familyGuards.putIfAbsent(name, guards);
    }

    /** What each family guards, by family name, in corpus order. */
    Map<String, String> families() {
        return Collections.unmodifiableMap(familyGuards);
    }

    /** The endpoint of the following {@link #c} and {@link #q} cases. */
    private void at(String method, String path, String session) {
        this.method = method;
        this.path = path;
        this.session = session;
    }

    /** A case at the current endpoint with this JSON body (a {@link HostileJson} or any text). */
    private Builder c(String what, Object body) {
        return c(what).json(body);
    }

    /** A case at the current endpoint without a body. */
    private Builder c(String what) {
        return add(new Builder(family, what, method, path, session, f::resolve));
    }

    /** A case at the current endpoint with this query, which is also its description. */
    private Builder q(String query) {
        return add(new Builder(family, "", method, path, session, f::resolve).query(query));
    }

    private Builder q(String what, String query) {
        return add(new Builder(family, what, method, path, session, f::resolve).query(query));
    }

    private Builder request(String what, String method, String path, String session) {
        return add(new Builder(family, what, method, path, session, f::resolve));
    }

    private Builder add(Builder builder) {
        cases.add(builder);
        return builder;
    }

    private static void field(Builder builder, String key, boolean nested) {
        if (nested) {
            builder.expectNested(400, key);
        } else {
            builder.expect(400, key);
        }
    }

    // =============================================================================================================
    // Valid bodies, each fresh: unique e-mails and VINs, booking dates of its own
    // =============================================================================================================

    private HostileJson account() {
        return object().str("email", uniqueEmail()).str("password", "Hostile-Pass-2026").str("name", "Hostile Tester")
                .str("role", "CUSTOMER");
    }

    private HostileJson login() {
        return object().str("email", f.customerEmail()).str("password", f.customerPassword());
    }

    private HostileJson auditor() {
        return object().str("email", uniqueEmail()).str("password", "Ledger-Check-77").str("name", "Auditor");
    }

    private HostileJson listing() {
        return object().str("make", "Hostile").str("model", "Golf").str("variant", "1.5 TSI").with("year", "2022")
                .str("bodyType", "HATCHBACK").str("transmission", "MANUAL").str("fuelType", "PETROL")
                .with("mileage", "25000").str("color", "Blue").with("seats", "5").str("vin", vin())
                .str("licensePlate", "B-HX 123").with("location", location())
                .with("features", array(quote("Air conditioning"))).str("description", "Hostile corpus car")
                .with("images", array(image("https://images.example.com/golf.jpg", true)))
                .with("dailyRate", "49.50").with("askingPrice", "18000").str("currency", "EUR")
                .with("maxBookingDays", "30");
    }

    private static HostileJson location() {
        return object().str("city", "Berlin").with("latitude", "52.52").with("longitude", "13.40")
                .str("timeZone", "Europe/Berlin");
    }

    private static String image(String url, boolean primary) {
        return object().str("url", url).with("primary", String.valueOf(primary)).toString();
    }

    private static String images(int count) {
        return array(IntStream.range(0, count).mapToObj(i -> image("https://img.example/" + i + ".jpg", i == 0))
                .toList());
    }

    private HostileJson change() {
        return object().str("description", "Freshly serviced");
    }

    private HostileJson featuredOn() {
        return object().with("featured", "true");
    }

    private static HostileJson window() {
        return object().with("weekdays", array(quote("SATURDAY"), quote("SUNDAY")));
    }

    private static String weekdays(int count) {
        List<String> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add(quote(DayOfWeek.of(i % 7 + 1).name()));
        }
        return array(days);
    }

    private HostileJson booking() {
        String[] stay = stay();
        return object().str("startDate", stay[0]).str("endDate", stay[1]).str("notes", "Hostile corpus");
    }

    private HostileJson reschedule() {
        String[] stay = stay();
        return object().str("startDate", stay[0]).str("endDate", stay[1]);
    }

    private HostileJson reason() {
        return object().str("reason", "Plans changed");
    }

    private HostileJson reservation() {
        return object().str("paymentMethod", "FULL_PAYMENT").str("handoverDate", f.day(14));
    }

    private static HostileJson financing() {
        return object().with("deposit", "1000").with("termMonths", "24");
    }

    private HostileJson financed(HostileJson financing) {
        return reservation().str("paymentMethod", "FINANCE").with("financing", financing);
    }

    private static HostileJson tradeIn() {
        return object().str("make", "VW").str("model", "Polo").with("year", "2015").with("mileage", "90000")
                .with("value", "3000");
    }

    private HostileJson tradedIn(HostileJson tradeIn) {
        return reservation().with("tradeIn", tradeIn);
    }

    private HostileJson inspection() {
        return object().str("inspectionDate", f.day(10));
    }

    private HostileJson opening() {
        return object().str("carId", f.id("car")).with("amount", "14000").str("message", "Would you take 14000?");
    }

    private HostileJson offer() {
        return object().with("amount", "17000").str("message", "Meet me halfway");
    }

    /**
     * Two-night stays, each its own, from today + 30 on in steps of three days: a booking the server wrongly accepts
     * does not make the next case fail for an overlap instead of its own fault. (The fixture booking is at
     * today + 20.)
     */
    private String[] stay() {
        int start = 30 + 3 * stays++;
        return new String[] {f.day(start), f.day(start + 2)};
    }

    private String beyondHorizon(int plusDays) {
        return f.today().plusYears(3).plusDays(plusDays).toString();
    }

    private static String uniqueEmail() {
        return "hostile-" + UUID.randomUUID() + "@test.example";
    }

    private static String vin() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder vin = new StringBuilder(17);
        for (int i = 0; i < 17; i++) {
            vin.append(VIN_ALPHABET.charAt(random.nextInt(VIN_ALPHABET.length())));
        }
        return vin.toString();
    }

    /** A syntactically plain address of exactly this length (local part 64, labels of at most 63). */
    private static String emailOfLength(int length) {
        String local = "a".repeat(64) + "@";
        String tail = ".com";
        int middle = length - local.length() - tail.length();
        StringBuilder domain = new StringBuilder();
        while (middle - domain.length() > 64) {
            domain.append("b".repeat(63)).append('.');
        }
        domain.append("c".repeat(middle - domain.length()));
        return local + domain + tail;
    }

    private static String codePoint(String character) {
        return String.format("U+%04X", character.codePointAt(0));
    }

    private String tamperedCursor(String cursor, String sortValue) {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 3) {
            throw new IllegalStateException("not a search cursor: " + cursor);
        }
        return base64Url(parts[0] + "\n" + sortValue + "\n" + parts[2]);
    }

    /** A cursor of the signed-in user's lists: {@code kind \n epochMillis \n id}. */
    private static String listCursor(String kind, String millis) {
        return base64Url(kind + "\n" + millis + "\n" + UUID.randomUUID());
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String INVALID_UTF8_MARK = "\uE000";

    /** The text as UTF-8, with the private-use marker replaced by the bytes C3 28 (not UTF-8). */
    private static byte[] invalidUtf8(String text) {
        byte[] marker = INVALID_UTF8_MARK.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (i + marker.length <= bytes.length
                    && java.util.Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
                out.write(0xC3);
                out.write(0x28);
                i += marker.length - 1;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toByteArray();
    }

    private static <T> Map<String, T> orderedMap(Object... keysAndValues) {
        Map<String, T> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            T value = (T) keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value);
        }
        return Collections.unmodifiableMap(map);
    }

    private static BodyEndpoint body(String method, String path, String session, Supplier<HostileJson> valid) {
        return new BodyEndpoint(method, path, session, valid);
    }

    /** An endpoint with a JSON body, as the generic attacks need to know it. */
    private static final class BodyEndpoint {

        final String method;
        final String path;
        final String session;
        final Supplier<HostileJson> template;
        Supplier<String> valid;
        boolean arrayBody;
        boolean optionalBody;
        String textKey;
        boolean textNested;
        String sample;
        Function<String, String> withText;
        String duplicateKey;
        boolean duplicateNested;
        Supplier<String> duplicated;
        String unknownKey;
        boolean unknownNested;
        Supplier<String> withUnknown;

        BodyEndpoint(String method, String path, String session, Supplier<HostileJson> template) {
            this.method = method;
            this.path = path;
            this.session = session;
            this.template = template;
            this.valid = template == null ? null : () -> template.get().toString();
        }

        /** The body may be absent (cancel, reject); a body that is there must still be right. */
        BodyEndpoint optional() {
            this.optionalBody = true;
            return this;
        }

        /** The string field hostile characters go into, with a valid value to hide them in. */
        BodyEndpoint text(String key, String validSample) {
            this.textKey = key;
            this.sample = validSample;
            this.withText = value -> template.get().with(key, value).toString();
            return this;
        }

        /** The same for a nested field: {@code into} builds the whole body around the raw value. */
        BodyEndpoint text(String key, String validSample, Function<String, HostileJson> into) {
            this.textKey = key;
            this.sample = validSample;
            this.textNested = true;
            this.withText = value -> into.apply(value).toString();
            return this;
        }

        /** The key that is sent twice, with the same valid value. */
        BodyEndpoint duplicate(String key) {
            this.duplicateKey = key;
            this.duplicated = () -> {
                HostileJson body = template.get();
                return body.plus(key, body.get(key)).toString();
            };
            return this;
        }

        BodyEndpoint unknown(String key, String rawValue) {
            this.unknownKey = key;
            this.withUnknown = () -> template.get().with(key, rawValue).toString();
            return this;
        }
    }
}
