package io.carmarket.support.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How event processors share and keep their segments ({@code carmarket.processors}).
 *
 * @param claimTimeout how long a segment's claim lasts without being extended: an instance that died loses its
 *                     segments to the others after this long. Owners extend their claims at least every second
 *                     while idle, and at each batch's commit.
 * @param balancing    asking Axon Server to spread the segments over the running instances
 * @param recovery     restarting processors that stopped on a lost Axon Server connection once it is back
 */
@ConfigurationProperties("carmarket.processors")
public record ProcessorProperties(Duration claimTimeout, Balancing balancing, Recovery recovery) {

    public ProcessorProperties {
        claimTimeout = claimTimeout == null ? Duration.ofSeconds(10) : claimTimeout;
        balancing = balancing == null ? new Balancing(true, null, null, null) : balancing;
        recovery = recovery == null ? new Recovery(true, null) : recovery;
    }

    /**
     * @param strategy     an Axon Server load-balancing strategy ({@code threadNumber}: as many segments per instance
     *                     as it has threads free, spread evenly)
     * @param initialDelay after the instance is ready: Axon Server must first have its processors' status
     * @param interval     then again this often, so that a joining or returning instance gets its share
     */
    public record Balancing(boolean enabled, String strategy, Duration initialDelay, Duration interval) {
        public Balancing {
            strategy = strategy == null ? "threadNumber" : strategy;
            initialDelay = initialDelay == null ? Duration.ofSeconds(10) : initialDelay;
            interval = interval == null ? Duration.ofSeconds(30) : interval;
        }
    }

    /** @param checkInterval how often processors are checked for a stop caused by the lost connection */
    public record Recovery(boolean enabled, Duration checkInterval) {
        public Recovery {
            checkInterval = checkInterval == null ? Duration.ofSeconds(2) : checkInterval;
        }
    }
}
