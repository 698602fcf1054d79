package io.carmarket.benchmark.eventstore;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standalone's own configuration, read from its source tree at run time rather than copied: the event store's
 * JDBC URL, credentials and schema script, the connection pool size and the {@code spring.jackson.*} settings. So
 * the in-process measurements follow whatever the standalone is configured with today, and say so in their results.
 * The repository root is found from the harness jar's location or the working directory, or given with
 * {@code -Dcarmarket.repository=<path>}.
 */
public final class StandaloneSettings {

    static final String REPOSITORY_PROPERTY = "carmarket.repository";
    private static final Path RESOURCES = Path.of("standalone", "src", "main", "resources");
    private static final Path APPLICATION_YML = RESOURCES.resolve("application.yml");
    private static final String CLASSPATH_PREFIX = "classpath:";
    private static final String ON_PROFILE = "spring.config.activate.on-profile";
    private static final String DEFAULT_PROFILE = "spring.profiles.default";
    private static final String DATA_DIR = "carmarket.data-dir";
    /** HikariCP's default {@code maximumPoolSize}, which Spring Boot keeps unless told otherwise. */
    private static final int HIKARI_DEFAULT_POOL_SIZE = 10;
    /** HikariCP's default {@code connectionTimeout}. */
    private static final long HIKARI_DEFAULT_CONNECTION_TIMEOUT_MS = 30_000;

    private final ConfigurableEnvironment environment;
    private final Path resources;

    private StandaloneSettings(ConfigurableEnvironment environment, Path resources) {
        this.environment = environment;
        this.resources = resources;
    }

    /** The standalone's settings as it would resolve them with its data directory at {@code dataDir}. */
    public static StandaloneSettings load(Path dataDir) throws IOException {
        Path repository = repositoryRoot();
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.addFirst(new MapPropertySource("benchmark", Map.of(DATA_DIR, dataDir.toAbsolutePath().toString())));
        List<PropertySource<?>> documents = new YamlPropertySourceLoader()
                .load("standalone application.yml", new FileSystemResource(repository.resolve(APPLICATION_YML)));
        String profile = documents.stream()
                .map(document -> document.getProperty(DEFAULT_PROFILE))
                .filter(value -> value != null)
                .map(Object::toString)
                .findFirst().orElse(null);
        // Spring Boot lets a profile's document override the common one; appending them first gives them precedence.
        List<PropertySource<?>> ordered = new ArrayList<>();
        for (PropertySource<?> document : documents) {
            Object onProfile = document.getProperty(ON_PROFILE);
            if (onProfile != null && onProfile.toString().equals(profile)) {
                ordered.add(document);
            }
        }
        for (PropertySource<?> document : documents) {
            if (document.getProperty(ON_PROFILE) == null) {
                ordered.add(document);
            }
        }
        ordered.forEach(sources::addLast);
        return new StandaloneSettings(environment, repository.resolve(RESOURCES));
    }

    public String jdbcUrl() {
        return environment.getRequiredProperty("spring.datasource.url");
    }

    public String username() {
        return environment.getProperty("spring.datasource.username", "sa");
    }

    public String password() {
        return environment.getProperty("spring.datasource.password", "");
    }

    public int maximumPoolSize() {
        return environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class,
                HIKARI_DEFAULT_POOL_SIZE);
    }

    public long connectionTimeoutMillis() {
        return environment.getProperty("spring.datasource.hikari.connection-timeout", Long.class,
                HIKARI_DEFAULT_CONNECTION_TIMEOUT_MS);
    }

    /** The schema script named by {@code spring.sql.init.schema-locations}. */
    public Path schemaScript() {
        String location = environment.getRequiredProperty("spring.sql.init.schema-locations");
        if (!location.startsWith(CLASSPATH_PREFIX) || location.contains(",")) {
            throw new IllegalStateException("expected one classpath: schema location, got " + location);
        }
        return resources.resolve(location.substring(CLASSPATH_PREFIX.length()));
    }

    /** A {@code @ConfigurationProperties} record bound the way Spring Boot binds it in the standalone. */
    public <T> T bind(String prefix, Class<T> type) {
        return Binder.get(environment).bindOrCreate(prefix, type);
    }

    /** Everything the standalone's Spring Boot would see, for building its ObjectMapper the same way. */
    ConfigurableEnvironment environment() {
        return environment;
    }

    private static Path repositoryRoot() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty(REPOSITORY_PROPERTY)).map(Path::of).ifPresent(candidates::add);
        codeLocation().ifPresent(candidates::add);
        // java -jar benchmark/target/carmarket-benchmark.jar: the class path is the harness jar itself
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                candidates.add(Path.of(entry));
            }
        }
        candidates.add(Path.of("").toAbsolutePath());
        for (Path start : candidates) {
            for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve(APPLICATION_YML))) {
                    return dir;
                }
            }
        }
        throw new IllegalStateException("cannot find " + APPLICATION_YML + " above " + candidates
                + "; run from the repository or pass -D" + REPOSITORY_PROPERTY + "=<repository root>");
    }

    private static Optional<Path> codeLocation() {
        try {
            Path location = Path.of(StandaloneSettings.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            return location.getFileSystem() == FileSystems.getDefault() ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            // nested jar: URLs of Spring Boot's launcher are not file paths; the working directory remains
            return Optional.empty();
        }
    }
}
