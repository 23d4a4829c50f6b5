package dev.alertwire.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST API lives under /api; versions are in the resource paths (/api/v1/...). Its OpenAPI document
 * (/openapi) is {@link ApiContract}: see package-info for why.
 */
@ApplicationPath("/api")
public class AlertwireApi extends Application {}
