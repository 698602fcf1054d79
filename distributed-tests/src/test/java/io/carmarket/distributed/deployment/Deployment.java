package io.carmarket.distributed.deployment;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The distributed deployment of docker-compose.yml without its gateway: Axon Server and MongoDB 7 in containers, and
 * one command-service and any number of query-service instances as child JVMs of the build's executable jars, with
 * the {@code distributed} profile and the environment the compose file gives them. Tests talk to each service
 * directly: writes to command-service, reads to a query-service instance of their choice.
 * <p>
 * Each instance has a client id of its own ({@code query-service-a}, {@code query-service-b}, ...), which Axon Server
 * shows as the owner of the segments that instance claimed. Every process's output and the containers' logs are
 * kept in {@code target/distributed-it/<name>/}.
 */
public final class Deployment implements AutoCloseable {

    private static final DockerImageName MONGO = DockerImageName.parse("mongo:7");
    /** The image and tag docker-compose.yml runs. */
    private static final DockerImageName AXON_SERVER = DockerImageName.parse("axoniq/axonserver:2024.2.4-jdk-17");
    private static final int AXON_SERVER_HTTP_PORT = 8024;
    private static final int AXON_SERVER_GRPC_PORT = 8124;
    private static final Duration AXON_SERVER_START_TIMEOUT = Duration.ofMinutes(2);

    private final Path logs;
    private final MongoDBContainer mongo;
    private final GenericContainer<?> axonServer;
    private ServiceProcess commandService;
    private final List<ServiceProcess> queryServices = new ArrayList<>();

    private Deployment(Path logs) {
        this.logs = logs;
        this.mongo = new MongoDBContainer(MONGO);
        this.axonServer = new GenericContainer<>(AXON_SERVER)
                // The compose file's host name, which axonserver.properties names as the node's.
                .withCreateContainerCmdModifier(create -> create.withHostName("axonserver"))
                .withCopyFileToContainer(MountableFile.forHostPath(requiredFile("carmarket.it.axonserver-properties"),
                        0644), "/axonserver/config/axonserver.properties")
                .withExposedPorts(AXON_SERVER_HTTP_PORT, AXON_SERVER_GRPC_PORT)
                .waitingFor(Wait.forHttp("/actuator/health").forPort(AXON_SERVER_HTTP_PORT).forStatusCode(200)
                        .withStartupTimeout(AXON_SERVER_START_TIMEOUT));
    }

    /**
     * Starts everything and returns when every service is ready (its readiness probe answers 200).
     *
     * @param name                  names the directory of the logs, e.g. the test class
     * @param queryServiceInstances how many query-service instances to run
     */
    public static Deployment start(String name, int queryServiceInstances) {
        Path logs = Path.of(System.getProperty("carmarket.it.logs", "target/distributed-it")).resolve(name);
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Deployment deployment = new Deployment(logs);
        try {
            deployment.startAll(queryServiceInstances);
            return deployment;
        } catch (RuntimeException notStarted) {
            deployment.close();
            throw notStarted;
        }
    }

    private void startAll(int queryServiceInstances) {
        Startables.deepStart(mongo, axonServer).join();
        SigningKeys keys = SigningKeys.generate();
        Map<String, String> shared = Map.of(
                "SPRING_PROFILES_ACTIVE", "distributed",
                "AXONSERVER_SERVERS", axonServer.getHost() + ":" + axonServer.getMappedPort(AXON_SERVER_GRPC_PORT),
                "MONGODB_URI", mongo.getReplicaSetUrl("carmarket"),
                "CARMARKET_JWT_PUBLIC_KEY", keys.publicKey());
        Map<String, String> commandSide = new HashMap<>(shared);
        commandSide.putAll(Map.of(
                "CARMARKET_JWT_PRIVATE_KEY", keys.privateKey(),
                "CARMARKET_ADMIN_EMAIL", "admin@carmarket.test",
                "CARMARKET_ADMIN_PASSWORD", randomPassword(),
                // Plain HTTP on the loopback interface.
                "CARMARKET_COOKIE_SECURE", "false"));
        commandService = startService("command-service", requiredFile("carmarket.it.command-service-jar"),
                commandSide);
        for (int i = 0; i < queryServiceInstances; i++) {
            queryServices.add(startService("query-service-" + (char) ('a' + i),
                    requiredFile("carmarket.it.query-service-jar"), shared));
        }
        commandService.awaitReady();
        queryServices.forEach(ServiceProcess::awaitReady);
    }

    private ServiceProcess startService(String name, Path jar, Map<String, String> environment) {
        return ServiceProcess.start(name, jar, environment, List.of("--axon.axonserver.client-id=" + name), logs);
    }

    public ServiceProcess commandService() {
        return commandService;
    }

    /** The query-service instances in the order they were started: {@code query-service-a} first. */
    public List<ServiceProcess> queryServices() {
        return List.copyOf(queryServices);
    }

    /** Which query-service instance holds which segment, as Axon Server sees it. */
    public AxonServerProcessors queryServiceProcessors() {
        URI http = URI.create("http://" + axonServer.getHost() + ":" + axonServer.getMappedPort(AXON_SERVER_HTTP_PORT));
        return new AxonServerProcessors(http, "query-service");
    }

    /** Stops Axon Server's container (as {@code docker stop} would); the services keep running. */
    public void stopAxonServer() {
        axonServer.getDockerClient().stopContainerCmd(axonServer.getContainerId()).exec();
    }

    /** Stops every service, keeps the containers' logs beside the services' and removes the containers. */
    @Override
    public void close() {
        queryServices.forEach(ServiceProcess::close);
        if (commandService != null) {
            commandService.close();
        }
        keepLogs("axonserver", axonServer);
        keepLogs("mongo", mongo);
        axonServer.stop();
        mongo.stop();
    }

    private void keepLogs(String name, GenericContainer<?> container) {
        if (container.getContainerId() == null) {
            return;
        }
        try {
            Files.writeString(logs.resolve(name + ".log"), container.getLogs());
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not keep the logs of " + name + ": " + e);
        }
    }

    /** Like scripts/dev-secrets.sh's: the password policy refuses one that contains the email's name ("admin"). */
    private static String randomPassword() {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        return "Cm-" + HexFormat.of().formatHex(random) + "!";
    }

    private static Path requiredFile(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException("System property " + property + " names no file (" + value + "): run"
                    + " these tests through Maven, ./mvnw verify -P distributed-it (distributed-tests/README.md)");
        }
        return Path.of(value);
    }
}
