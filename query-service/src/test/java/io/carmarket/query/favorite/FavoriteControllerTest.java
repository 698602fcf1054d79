package io.carmarket.query.favorite;

import io.carmarket.api.car.CarStatus;
import io.carmarket.api.favorites.FavoriteList;
import io.carmarket.api.favorites.FavoritePage;
import io.carmarket.api.favorites.FavoriteView;
import io.carmarket.api.identity.Role;
import io.carmarket.query.common.WebEdge;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class FavoriteControllerTest {

    private static final FavoriteView GOLF = new FavoriteView("golf", "VW", "Golf", null, 2022, "Berlin", null, null,
            null, "EUR", CarStatus.LISTED, true, null);

    private QueryGateway queryGateway;
    private Favorites favorites;
    private MockMvc mvc;

    @BeforeEach
    void controller() {
        queryGateway = mock(QueryGateway.class);
        favorites = mock(Favorites.class);
        mvc = WebEdge.of(new FavoriteController(queryGateway, favorites));
        WebEdge.signIn("alice", Role.CUSTOMER);
    }

    @AfterEach
    void signOut() {
        WebEdge.signOut();
    }

    @Test
    void put_is_201_when_it_adds_200_when_already_there_and_404_for_a_car_not_listed() throws Exception {
        when(favorites.add("alice", "golf")).thenReturn(Optional.of(new Favorites.Added(true, GOLF)),
                Optional.of(new Favorites.Added(false, GOLF)));
        when(favorites.add("alice", "gone")).thenReturn(Optional.empty());

        mvc.perform(put("/api/v1/favorites/golf")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.carId").value("golf")).andExpect(jsonPath("$.available").value(true));
        mvc.perform(put("/api/v1/favorites/golf")).andExpect(status().isOk());
        mvc.perform(put("/api/v1/favorites/gone")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CAR_NOT_FOUND"));
    }

    @Test
    void delete_is_204_whether_or_not_it_was_there() throws Exception {
        mvc.perform(delete("/api/v1/favorites/golf")).andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/favorites/golf")).andExpect(status().isNoContent());

        verify(favorites, org.mockito.Mockito.times(2)).remove("alice", "golf");
    }

    @Test
    void the_list_is_the_signed_in_users_own() throws Exception {
        when(queryGateway.query(any(FavoriteList.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(new FavoritePage(List.of(GOLF), null)));

        mvc.perform(get("/api/v1/favorites")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].carId").value("golf"));

        verify(queryGateway).query(org.mockito.ArgumentMatchers.eq(new FavoriteList("alice", null, 50)),
                any(ResponseType.class));
    }

    @Test
    void nonsense_parameters_are_400_naming_the_parameter() throws Exception {
        mvc.perform(get("/api/v1/favorites?limit=0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.limit").exists());
        mvc.perform(get("/api/v1/favorites?cursor=%%%")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/favorites?cursor=garbage")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.cursor").exists());
    }
}
