package io.carmarket.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/** Every CarMarket service that serves HTTP gets the same problem responses by having this module on its path. */
@AutoConfiguration
@ConditionalOnWebApplication
@Import(ApiProblemHandler.class)
public class WebSupportAutoConfiguration {
}
