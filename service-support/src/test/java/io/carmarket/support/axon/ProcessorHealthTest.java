package io.carmarket.support.axon;

import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.util.List;
import java.util.Map;

import static io.carmarket.support.axon.ProcessorTestDoubles.failedSegment;
import static io.carmarket.support.axon.ProcessorTestDoubles.healthy;
import static io.carmarket.support.axon.ProcessorTestDoubles.processing;
import static io.carmarket.support.axon.ProcessorTestDoubles.stoppedByError;
import static io.carmarket.support.axon.ProcessorTestDoubles.subscribing;
import static org.assertj.core.api.Assertions.assertThat;

class ProcessorHealthTest {

    private static final boolean EVENTS_READABLE = true;
    private static final boolean EVENT_SOURCE_DOWN = false;

    @Test
    void processors_that_run_without_error_are_up_and_name_the_segments_held_here() {
        Health health = check(Map.of("car-search", healthy(0, 1), "car-deadlines", subscribing()), EVENTS_READABLE);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails().get("car-search"))
                .isEqualTo(Map.of("status", "RUNNING", "segmentsHeld", List.of(0, 1)));
    }

    @Test
    void a_segment_stopped_by_an_error_while_its_events_can_be_read_is_down_and_says_why() {
        Health health = check(Map.of("car-search", healthy(0), "bookings",
                failedSegment(new IllegalStateException("handler broke"))), EVENTS_READABLE);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("bookings").toString())
                .contains("status=ERROR").contains("handler broke");
    }

    @Test
    void a_processor_stopped_as_a_whole_by_an_error_is_down() {
        assertThat(check(Map.of("notifications", stoppedByError()), EVENTS_READABLE).getStatus())
                .isEqualTo(Status.DOWN);
    }

    @Test
    void processors_waiting_for_a_lost_event_source_are_not_held_against_this_instance() {
        Health health = check(Map.of("car-search", stoppedByError()), EVENT_SOURCE_DOWN);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKey("waitingFor");
    }

    private static Health check(Map<String, EventProcessor> processors, boolean eventSourceAvailable) {
        return new ProcessorHealth(processing(processors), () -> eventSourceAvailable).health();
    }
}
