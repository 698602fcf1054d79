package io.carmarket.command.identity;

import io.carmarket.api.identity.Role;
import io.carmarket.support.web.input.EmailAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Accounts only an admin creates: auditors, who read the event history. */
@RestController
@RequestMapping("/api/v1/admin")
public class AdminAccountsController {

    private final IdentityService identity;

    public AdminAccountsController(IdentityService identity) {
        this.identity = identity;
    }

    @PostMapping("/auditors")
    public ResponseEntity<UserProfile> createAuditor(@Valid @RequestBody NewAuditor request) {
        UserAccount auditor = identity.register(request.email(), request.password(), request.name(), Role.AUDITOR);
        return ResponseEntity.created(URI.create("/api/v1/admin/auditors/" + auditor.id()))
                .body(UserProfile.of(auditor));
    }

    public record NewAuditor(@EmailAddress String email,
                             @NotNull @Size(max = 200) String password,
                             @NotBlank @Size(max = 100) String name) {
    }
}
