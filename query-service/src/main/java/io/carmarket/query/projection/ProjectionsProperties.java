package io.carmarket.query.projection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code carmarket.projections}: how often the projections are sampled (and a caught-up rebuild is switched), over
 * which window their speed is measured, how long a processor may take to stop, and how long another query-service
 * instance counts as running after its last heartbeat, and how long a read model replaced by its rebuild is kept for
 * reads that began before the switch.
 */
@ConfigurationProperties("carmarket.projections")
public record ProjectionsProperties(@DefaultValue("500ms") Duration monitorInterval,
                                   @DefaultValue("10s") Duration rateWindow,
                                   @DefaultValue("30s") Duration stopTimeout,
                                   @DefaultValue("5s") Duration heartbeatInterval,
                                   @DefaultValue("15s") Duration instanceTimeout,
                                   @DefaultValue("1m") Duration retiredReadModelGrace) {
}
