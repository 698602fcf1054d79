package io.carmarket.support.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.AsyncContextImpl;
import org.junit.jupiter.api.Test;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A request logged while its asynchronous cycle is still on has been dropped by Tomcat: its cycle is ended (the
 * listeners' onComplete, the context's count); a request whose cycle has ended, or that never started one, is left
 * alone, so that no listener hears onComplete twice.
 */
class AbandonedAsyncCycleValveTest {

    private final AbandonedAsyncCycleValve valve = new AbandonedAsyncCycleValve();
    private final Request request = mock(Request.class);
    private final Response response = mock(Response.class);
    private final AsyncContextImpl async = mock(AsyncContextImpl.class);

    @Test
    void a_request_logged_while_still_asynchronous_has_its_cycle_ended() {
        when(request.getAsyncContextInternal()).thenReturn(async);
        when(request.isAsync()).thenReturn(true);

        valve.log(request, response, 0);

        verify(async).fireOnComplete();
        verify(async).decrementInProgressAsyncCount();
    }

    @Test
    void a_request_whose_cycle_has_ended_is_left_alone() {
        when(request.getAsyncContextInternal()).thenReturn(async);
        when(request.isAsync()).thenReturn(false);

        valve.log(request, response, 1_000_000);

        verify(async, never()).fireOnComplete();
        verify(async, never()).decrementInProgressAsyncCount();
    }

    @Test
    void a_request_that_never_went_asynchronous_is_left_alone() {
        when(request.getAsyncContextInternal()).thenReturn(null);

        valve.log(request, response, 1_000_000);

        verify(request, never()).isAsync();
    }
}
