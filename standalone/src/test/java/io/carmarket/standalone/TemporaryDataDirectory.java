package io.carmarket.standalone;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives each test application context a fresh data directory, and deletes it when the context closes (not when
 * a test class ends: a cached context outlives the class that started it).
 */
class TemporaryDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String PROPERTY = "carmarket.data-dir";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("carmarket-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("temporaryDataDirectory", Map.of(PROPERTY, dataDir.toString())));
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                FileSystemUtils.deleteRecursively(dataDir.toFile());
            }
        });
    }
}
