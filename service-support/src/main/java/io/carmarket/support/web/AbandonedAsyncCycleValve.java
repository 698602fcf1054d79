package io.carmarket.support.web;

import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletException;
import org.apache.catalina.AccessLog;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.AsyncContextImpl;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Ends the asynchronous cycle of a request that Tomcat drops without ending it: it calls the
 * {@link AsyncListener#onComplete} of every listener and releases the request's count of asynchronous requests in
 * progress in the context, which is what Tomcat does at the end of every other asynchronous cycle.
 * <p>
 * The gap, in Tomcat 10.1 ({@code Http11Processor.service}, {@code AbstractProcessorLight.process}): a request
 * starts asynchronous processing (a Server-Sent Events stream), and the client goes away so early that a write to
 * it fails while the request's first container thread is still on its way out. Tomcat then closes the connection
 * (the socket state is CLOSED because of the error) without the asynchronous post-processing that would end the
 * cycle; the processor is released and the request recycled "forcedly" (logged by {@code CoyoteAdapter}: "Encountered
 * a non-recycled request and recycled it forcedly"). No listener ever hears of it: Spring's
 * {@code ServerHttpObservationFilter} never stops its observation, so the request counts in
 * {@code http.server.requests.active} for ever; Spring MVC's completion callbacks never run; and the context's count
 * of requests in asynchronous processing stays one up, so that each stop of the context waits its unload delay.
 * <p>
 * On that path Tomcat still writes the request to the access log, before recycling it, with its asynchronous state
 * left as it was; every other path logs a request once its cycle has ended. So this valve, an {@link AccessLog}, ends
 * the cycle of a request that is logged while still asynchronous.
 */
final class AbandonedAsyncCycleValve extends ValveBase implements AccessLog {

    private static final Logger log = LoggerFactory.getLogger(AbandonedAsyncCycleValve.class);

    AbandonedAsyncCycleValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
    }

    /** Not an access log: it reads no address, host, protocol or port. */
    @Override
    public void setRequestAttributesEnabled(boolean requestAttributesEnabled) {
    }

    @Override
    public boolean getRequestAttributesEnabled() {
        return false;
    }

    @Override
    public void log(Request request, Response response, long time) {
        AsyncContextImpl async = request.getAsyncContextInternal();
        if (async == null || !request.isAsync()) {
            return;
        }
        log.debug("Ending the asynchronous cycle of {} {}, dropped by the container", request.getMethod(),
                request.getRequestURI());
        try {
            async.fireOnComplete();
        } finally {
            async.decrementInProgressAsyncCount();
        }
    }
}
