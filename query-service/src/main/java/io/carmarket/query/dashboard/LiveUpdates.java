package io.carmarket.query.dashboard;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether a dashboard update can reach its subscribers. In the distributed deployment subscription queries and their
 * updates travel through Axon Server, so they are paused while this instance is not connected to it; without Axon
 * Server (the standalone: one JVM, in-JVM buses) they never are.
 */
@Component
class LiveUpdates {

    private final ObjectProvider<AxonServerConnectionManager> axonServer;

    LiveUpdates(ObjectProvider<AxonServerConnectionManager> axonServer) {
        this.axonServer = axonServer;
    }

    boolean paused() {
        AxonServerConnectionManager connections = axonServer.getIfAvailable();
        return connections != null && !connections.isConnected(connections.getDefaultContext());
    }
}
