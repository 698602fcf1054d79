package io.carmarket.query.dashboard;

import io.carmarket.api.identity.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

import static io.carmarket.query.dashboard.Figures.field;

/** A registered user as the platform's dashboard counts them: by the month they joined. No name, no e-mail. */
@Document(UserFacts.COLLECTION)
record UserFacts(@Id String userId, long version, Role role, Instant registeredAt) implements Fact {

    static final String COLLECTION = "dashboard_users";

    @Override
    public Contributions contributions() {
        return new Contributions().count(Figures.PLATFORM,
                field(Figures.NEW_USERS_BY_MONTH, Figures.monthOf(registeredAt)));
    }
}
