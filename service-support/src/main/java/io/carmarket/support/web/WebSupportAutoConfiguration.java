package io.carmarket.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.carmarket.support.web.input.CalendarDateFormatting;
import io.carmarket.support.web.input.JsonRequestBodyFilter;
import io.carmarket.support.web.input.RequestBodyProperties;
import io.carmarket.support.web.input.StrictRequestJson;
import io.carmarket.support.web.input.SupportedCurrencies;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.cbor.MappingJackson2CborHttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.converter.smile.MappingJackson2SmileHttpMessageConverter;
import org.springframework.http.converter.xml.MappingJackson2XmlHttpMessageConverter;
import org.springframework.http.converter.yaml.MappingJackson2YamlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Every CarMarket service that serves HTTP gets the same request policy and the same answer shape: correlation
 * ids, JSON-only bounded request bodies read strictly, calendar dates, and problem+json from every layer that can
 * refuse a request (Spring MVC, the security filters, the error page, Tomcat itself). See docs/api.md, "Errors".
 */
@AutoConfiguration(before = {HttpMessageConvertersAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication
@EnableConfigurationProperties({RequestBodyProperties.class, SupportedCurrencies.class,
        UnavailableProperties.class})
@Import({ApiProblemHandler.class, ProblemErrorController.class, CalendarDateFormatting.class})
public class WebSupportAutoConfiguration {

    /** First of all filters, so that even a 401 from the security filters carries the correlation id. */
    @Bean
    public FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    public UnavailableProblems unavailableProblems(UnavailableProperties properties) {
        return new UnavailableProblems(properties);
    }

    @Bean
    public ProblemResponses problemResponses(ObjectMapper objectMapper) {
        return new ProblemResponses(objectMapper);
    }

    /** Right after the correlation id: a body that is not JSON, or too large, goes no further. */
    @Bean
    public FilterRegistrationBean<JsonRequestBodyFilter> jsonRequestBodyFilter(RequestBodyProperties properties,
                                                                               ProblemResponses problems) {
        FilterRegistrationBean<JsonRequestBodyFilter> registration =
                new FilterRegistrationBean<>(new JsonRequestBodyFilter(properties, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Spring MVC's JSON converter, reading request bodies with {@link StrictRequestJson}. */
    @Bean
    public MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper objectMapper) {
        return new MappingJackson2HttpMessageConverter(StrictRequestJson.readerOf(objectMapper));
    }

    /** JSON only: no YAML, CBOR, Smile or XML representation, in either direction. */
    @Bean
    public WebMvcConfigurer jsonOnlyMessageConverters() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.removeIf(converter -> converter instanceof MappingJackson2YamlHttpMessageConverter
                        || converter instanceof MappingJackson2CborHttpMessageConverter
                        || converter instanceof MappingJackson2SmileHttpMessageConverter
                        || converter instanceof MappingJackson2XmlHttpMessageConverter);
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatProblems {

        /**
         * Replaces Tomcat's HTML error report with {@link ContainerProblemReportValve}. Runs after Spring Boot's own
         * customizer, which installs an {@link ErrorReportValve} of its own.
         */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerProblemReports(ObjectMapper objectMapper) {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    // else the host adds Tomcat's own report valve again when it starts
                    host.setErrorReportValveClass(ContainerProblemReportValve.class.getName());
                }
                var hostPipeline = context.getParent().getPipeline();
                for (Valve valve : hostPipeline.getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ContainerProblemReportValve)) {
                        hostPipeline.removeValve(valve);
                    }
                }
                hostPipeline.addValve(new ContainerProblemReportValve(objectMapper));
            });
        }

        /**
         * Ends the asynchronous cycles (Server-Sent Events streams) that Tomcat drops without ending them when the
         * client goes away while the request's first container thread is still on its way out: see
         * {@link AbandonedAsyncCycleValve}.
         */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> abandonedAsyncCycles() {
            return factory -> factory.addContextValves(new AbandonedAsyncCycleValve());
        }
    }
}
