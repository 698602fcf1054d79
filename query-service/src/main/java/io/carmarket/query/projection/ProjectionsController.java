package io.carmarket.query.projection;

import io.carmarket.support.security.AuthenticatedUser;
import io.carmarket.support.web.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** The projections (read models) for admins: their progress, and their rebuild from the event history. */
@RestController
@RequestMapping("/api/v1/admin/projections")
public class ProjectionsController {

    private final Projections projections;
    private final ProjectionRebuilds rebuilds;

    public ProjectionsController(Projections projections, ProjectionRebuilds rebuilds) {
        this.projections = projections;
        this.rebuilds = rebuilds;
    }

    public record ProjectionList(List<ProjectionProgress> projections) {
    }

    @GetMapping
    public ProjectionList list() {
        return new ProjectionList(projections.all());
    }

    @GetMapping("/{name}")
    public ResponseEntity<?> one(@PathVariable String name) {
        return projections.find(name).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseThrow(() -> ReplayRefusedException.unknown(name));
    }

    @PostMapping("/{name}/replay")
    /** 202 and the projection's progress; reads keep the old read model until the rebuild has caught up. */
    public ResponseEntity<ProjectionProgress> replay(@PathVariable String name,
                                                     @AuthenticationPrincipal AuthenticatedUser admin) {
        rebuilds.start(name, admin.userId());
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/projections/" + name))
                .body(projections.progressOf(name));
    }

    @ExceptionHandler(ReplayRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ReplayRefusedException refusal) {
        return ResponseEntity.status(refusal.status())
                .body(ApiProblems.problem(refusal.status(), refusal.code(), refusal.getMessage()));
    }
}
