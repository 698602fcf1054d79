package io.carmarket.command;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.carmarket.command.common.RefusalsChangeNothing;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.unitofwork.RollbackConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * command-service as the distributed deployment starts it ({@code distributed} profile, no Axon Server reachable
 * here): commands go through Axon Server's command bus, and its local segment is the bus that commits refusals
 * (D37), so the distributed write side keeps cars cached through a 409 as the standalone does; forwarded headers are
 * believed only from the gateway's side of the network (D41).
 */
@SpringBootTest(properties = {
        "axon.axonserver.servers=127.0.0.1:1"})
@ActiveProfiles("distributed")
class DistributedWiringTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress MONGO_ADDRESS = MONGO.bind();

    @Autowired
    CommandBus commandBus;

    @Autowired
    ServerProperties server;

    /** What the environment supplies in the distributed deployment: a MongoDB and a fresh signing key pair. */
    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) throws Exception {
        registry.add("spring.data.mongodb.uri", () -> "mongodb://" + MONGO_ADDRESS.getHostString() + ":"
                + MONGO_ADDRESS.getPort() + "/carmarket");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        registry.add("carmarket.security.jwt.public-key",
                () -> Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        registry.add("carmarket.security.jwt.private-key",
                () -> Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    @Test
    void commands_go_through_axon_server_to_the_local_bus_that_commits_refusals() {
        assertThat(commandBus).isInstanceOf(AxonServerCommandBus.class);
        CommandBus localSegment = ((AxonServerCommandBus) commandBus).localSegment();
        assertThat(localSegment).isInstanceOf(SimpleCommandBus.class);
        RollbackConfiguration rollback = (RollbackConfiguration)
                ReflectionTestUtils.getField(localSegment, "rollbackConfiguration");
        assertThat(rollback).isSameAs(RefusalsChangeNothing.ROLLBACK_UNLESS_REFUSED);
    }

    @Test
    void forwarded_headers_are_believed_from_loopback_and_private_addresses_only() {
        assertThat(server.getForwardHeadersStrategy()).isEqualTo(ServerProperties.ForwardHeadersStrategy.NATIVE);
        Pattern trusted = Pattern.compile(server.getTomcat().getRemoteip().getInternalProxies());

        assertThat(List.of("127.0.0.1", "10.0.3.7", "172.18.0.5", "172.31.255.1", "192.168.1.20", "0:0:0:0:0:0:0:1",
                "fd12:3456:789a:1:0:0:0:1")).allMatch(address -> trusted.matcher(address).matches());
        assertThat(List.of("203.0.113.7", "8.8.8.8", "172.32.0.1", "172.15.0.1", "100.64.0.1", "11.0.0.1",
                "2001:db8:0:0:0:0:0:1")).noneMatch(address -> trusted.matcher(address).matches());
    }
}
