package io.carmarket.query.projection;

import org.springframework.http.HttpStatus;

import java.util.List;

/** A replay that cannot start, with the status and code the API answers. */
public class ReplayRefusedException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    private ReplayRefusedException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ReplayRefusedException unknown(String group) {
        return new ReplayRefusedException(HttpStatus.NOT_FOUND, "PROJECTION_NOT_FOUND", "No projection " + group);
    }

    static ReplayRefusedException alreadyReplaying(String group) {
        return new ReplayRefusedException(HttpStatus.CONFLICT, "REPLAY_IN_PROGRESS",
                "Projection " + group + " is already being rebuilt; its progress is at GET /api/v1/admin/projections");
    }

    static ReplayRefusedException nothingToReplay(String group) {
        return new ReplayRefusedException(HttpStatus.CONFLICT, "NOTHING_TO_REPLAY",
                "The event store holds no events yet, so projection " + group + " has nothing to be rebuilt from");
    }

    static ReplayRefusedException otherInstances(String group, List<String> others) {
        return new ReplayRefusedException(HttpStatus.CONFLICT, "REPLAY_NEEDS_ONE_INSTANCE",
                "Projection " + group + " is also processed by " + others.size() + " other query-service instance(s) "
                        + others + "; a replay stops and resets it on this instance only. Scale query-service to one "
                        + "instance, replay, and scale out again when it has caught up");
    }

    static ReplayRefusedException claimedElsewhere(String group, String reason) {
        return new ReplayRefusedException(HttpStatus.CONFLICT, "REPLAY_NEEDS_ONE_INSTANCE",
                "Projection " + group + " has a segment claimed by another instance (" + reason + "); a replay "
                        + "needs it processed on this instance only");
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
