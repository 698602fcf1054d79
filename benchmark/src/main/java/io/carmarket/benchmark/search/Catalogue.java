package io.carmarket.benchmark.search;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.Transmission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the generated market is made of: 40 makes with their models, 50 cities, and the shares of body types,
 * transmissions, fuel types and states. Makes and cities follow a Zipf-like popularity (a few very common, a long
 * tail), as on a real marketplace; so do the searches, which draw their parameters from generated cars.
 */
final class Catalogue {

    /** Popularity of the n-th make or city (from 1) is proportional to 1 / n^ZIPF_EXPONENT. */
    private static final double ZIPF_EXPONENT = 0.9;

    record Model(String make, String model, String variant) {
    }

    /** Most popular make first; each model as "model|variant". */
    private static final List<List<Model>> MODELS_BY_MAKE = List.of(
            make("Volkswagen", "Golf|1.5 TSI", "Polo|1.0 TSI", "ID.4|Pro Performance", "Passat|Variant 2.0 TDI"),
            make("Mercedes-Benz", "C-Klasse|C 220 d", "A-Klasse|A 180", "GLC|300 e 4MATIC"),
            make("BMW", "3er|320d Touring", "X3|xDrive20d", "i4|eDrive40"),
            make("Audi", "A4|Avant 40 TDI", "Q5|Sportback 45 TFSI", "Q8 e-tron|55 quattro"),
            make("Opel", "Corsa|1.2 Turbo", "Astra|Sports Tourer", "Mokka|Electric"),
            make("Ford", "Focus|1.0 EcoBoost", "Kuga|2.5 PHEV", "Transit Custom|2.0 EcoBlue"),
            make("Skoda", "Octavia|Combi 2.0 TDI", "Fabia|1.0 MPI", "Enyaq|iV 80"),
            make("Seat", "Leon|1.5 eTSI", "Ibiza|1.0 TSI", "Ateca|2.0 TDI"),
            make("Renault", "Clio|TCe 90", "Megane|E-Tech Electric", "Captur|E-Tech Hybrid"),
            make("Toyota", "Corolla|1.8 Hybrid", "Yaris|Hybrid 116", "RAV4|2.5 Plug-in"),
            make("Hyundai", "Tucson|1.6 T-GDI", "i30|Kombi 1.5", "Ioniq 5|77 kWh"),
            make("Peugeot", "208|PureTech 100", "308|SW BlueHDi 130", "3008|Hybrid 225"),
            make("Kia", "Sportage|1.6 T-GDI", "Ceed|Sportswagon", "EV6|GT-Line"),
            make("Fiat", "500|1.0 Hybrid", "Panda|Cross", "Tipo|Kombi 1.6"),
            make("Citroën", "C3|PureTech 83", "C5 Aircross|Hybrid", "Berlingo|BlueHDi 130"),
            make("Dacia", "Sandero|Stepway TCe 90", "Duster|Blue dCi 115", "Jogger|Extreme"),
            make("Mazda", "CX-5|Skyactiv-G 165", "Mazda3|e-Skyactiv X", "MX-5|RF 2.0"),
            make("Nissan", "Qashqai|e-Power", "Juke|DIG-T 114", "Leaf|e+ 62 kWh"),
            make("Volvo", "XC60|B4 Diesel", "V60|T6 Recharge", "EX30|Twin Motor"),
            make("Mini", "Cooper|S 3-Türer", "Countryman|SE ALL4", "Clubman|One"),
            make("Tesla", "Model 3|Long Range", "Model Y|Performance", "Model S|Plaid"),
            make("Cupra", "Formentor|VZ 2.0 TSI", "Born|e-Boost", "Leon|Sportstourer"),
            make("Porsche", "911|Carrera S", "Macan|GTS", "Taycan|4S Cross Turismo"),
            make("Suzuki", "Swift|1.2 Dualjet", "Vitara|1.4 Boosterjet", "Jimny|1.5 Allgrip"),
            make("Honda", "Civic|e:HEV", "Jazz|Crosstar", "CR-V|2.0 i-MMD"),
            make("Jeep", "Compass|4xe", "Renegade|1.5 e-Hybrid", "Wrangler|Rubicon"),
            make("Land Rover", "Defender|110 D250", "Range Rover Evoque|P300e", "Discovery Sport|D200"),
            make("Mitsubishi", "Outlander|PHEV", "Space Star|1.2", "ASX|1.3 Turbo"),
            make("Smart", "#1|Pro+", "fortwo|EQ", "forfour|EQ"),
            make("Alfa Romeo", "Giulia|2.2 Diesel", "Tonale|Plug-in Q4", "Stelvio|2.0 Turbo"),
            make("Lexus", "NX|450h+", "UX|300e", "RX|500h"),
            make("Jaguar", "F-Pace|P400e", "E-Pace|D200", "I-Pace|EV400"),
            make("Subaru", "Forester|e-Boxer", "Outback|2.5i", "XV|1.6i"),
            make("Polestar", "2|Long Range Dual Motor", "3|Performance", "4|Single Motor"),
            make("MG", "MG4|Electric Luxury", "ZS|EV Long Range", "HS|1.5 T-GDI"),
            make("DS", "DS 4|E-Tense 225", "DS 7|BlueHDi 130", "DS 3|Crossback"),
            make("BYD", "Atto 3|Design", "Seal|Excellence AWD", "Dolphin|Comfort"),
            make("Lancia", "Ypsilon|1.0 Hybrid", "Delta|1.6 Multijet", "Thema|3.0 V6"),
            make("Abarth", "595|Competizione", "695|Esseesse", "500e|Scorpionissima"),
            make("Alpine", "A110|GT", "A110 S|1.8 Turbo", "A290|GTS"));

    static final List<Model> MODELS = MODELS_BY_MAKE.stream().flatMap(List::stream).toList();

    static final List<String> CITIES = List.of("Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main",
            "Stuttgart", "Düsseldorf", "Leipzig", "Dortmund", "Essen", "Bremen", "Dresden", "Hannover", "Nürnberg",
            "Duisburg", "Bochum", "Wuppertal", "Bielefeld", "Bonn", "Münster", "Mannheim", "Karlsruhe", "Augsburg",
            "Wiesbaden", "Mönchengladbach", "Gelsenkirchen", "Aachen", "Braunschweig", "Kiel", "Chemnitz",
            "Halle (Saale)", "Magdeburg", "Freiburg im Breisgau", "Krefeld", "Mainz", "Lübeck", "Erfurt",
            "Oberhausen", "Rostock", "Kassel", "Hagen", "Potsdam", "Saarbrücken", "Hamm", "Ludwigshafen am Rhein",
            "Oldenburg", "Mülheim an der Ruhr", "Osnabrück", "Leverkusen", "Heidelberg");

    static final List<String> COLORS = List.of("black", "white", "silver", "grey", "blue", "red", "green", "brown",
            "beige", "orange");

    static final List<String> FEATURES = List.of("navigation", "heated seats", "parking sensors", "rear camera",
            "adaptive cruise control", "lane assist", "panoramic roof", "towbar", "apple carplay", "android auto",
            "keyless entry", "LED headlights", "heat pump", "isofix", "winter tyres", "roof rails");

    static final List<String> DESCRIPTION_SENTENCES = List.of(
            "Well maintained, full service history with the authorised dealer.",
            "Non-smoker car, no pets, always garaged.",
            "Ideal for city trips and weekend getaways alike.",
            "Spacious boot, easy to load, child seats fit comfortably in the back.",
            "Economical on long motorway journeys, quiet cabin.",
            "Fresh inspection, new brakes and tyres this year.",
            "Pick-up and return at our branch near the main station; delivery on request.",
            "Comprehensive insurance included, deductible 500 EUR.",
            "Unlimited kilometres for rentals of a week or longer.",
            "Please return the car with a full tank or charged battery.");

    static final Weighted<BodyType> BODY_TYPES = Weighted.of(Map.of(BodyType.SUV, 25, BodyType.HATCHBACK, 20,
            BodyType.SEDAN, 15, BodyType.ESTATE, 12, BodyType.MINIVAN, 10, BodyType.VAN, 8, BodyType.COUPE, 5,
            BodyType.CONVERTIBLE, 3, BodyType.PICKUP, 2));
    static final Weighted<Transmission> TRANSMISSIONS = Weighted.of(Map.of(Transmission.AUTOMATIC, 60,
            Transmission.MANUAL, 40));
    static final Weighted<FuelType> FUEL_TYPES = Weighted.of(Map.of(FuelType.PETROL, 40, FuelType.DIESEL, 25,
            FuelType.ELECTRIC, 14, FuelType.HYBRID, 12, FuelType.PLUG_IN_HYBRID, 6, FuelType.LPG, 2,
            FuelType.HYDROGEN, 1));
    /** Mostly on the market; a few reserved for purchase, withdrawn or sold (the last two are never found). */
    static final Weighted<CarStatus> STATES = Weighted.of(Map.of(CarStatus.LISTED, 90, CarStatus.RESERVED, 3,
            CarStatus.WITHDRAWN, 4, CarStatus.SOLD, 3));

    private Catalogue() {
    }

    static Weighted<String> makes() {
        return zipf(MODELS_BY_MAKE.stream().map(models -> models.get(0).make()).toList());
    }

    static Weighted<String> cities() {
        return zipf(CITIES);
    }

    static List<Model> modelsOf(String make) {
        return MODELS.stream().filter(model -> model.make().equals(make)).toList();
    }

    private static Weighted<String> zipf(List<String> byPopularity) {
        List<Double> weights = new ArrayList<>();
        for (int rank = 1; rank <= byPopularity.size(); rank++) {
            weights.add(1 / Math.pow(rank, ZIPF_EXPONENT));
        }
        return new Weighted<>(byPopularity, weights);
    }

    private static List<Model> make(String make, String... modelsAndVariants) {
        return Arrays.stream(modelsAndVariants).map(entry -> entry.split("\\|"))
                .map(parts -> new Model(make, parts[0], parts[1])).toList();
    }

    /** Values with relative weights, drawn in proportion to them. */
    static final class Weighted<T> {

        private final List<T> values;
        private final double[] cumulative;

        Weighted(List<T> values, List<Double> weights) {
            this.values = List.copyOf(values);
            this.cumulative = new double[values.size()];
            double sum = 0;
            for (int i = 0; i < values.size(); i++) {
                sum += weights.get(i);
                cumulative[i] = sum;
            }
        }

        /** Map iteration order is unspecified, so values are ordered by name to keep seeded runs reproducible. */
        static <T extends Enum<T>> Weighted<T> of(Map<T, Integer> weights) {
            List<T> values = weights.keySet().stream().sorted().toList();
            return new Weighted<>(values, values.stream().map(value -> (double) weights.get(value)).toList());
        }

        T draw(Random random) {
            double point = random.nextDouble() * cumulative[cumulative.length - 1];
            for (int i = 0; i < cumulative.length; i++) {
                if (point < cumulative[i]) {
                    return values.get(i);
                }
            }
            return values.get(values.size() - 1);
        }
    }
}
