package dev.alertwire.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API lives under /api; versions are in the resource paths (/api/v1/...). */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Alertwire API",
            version = "1",
            description =
                "Webhook alert channels, checks, groups, results, alerts, variables and the delivery record."
                    + " Every call needs a bearer token; secret values are accepted and never returned."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class AlertwireApi extends Application {}
