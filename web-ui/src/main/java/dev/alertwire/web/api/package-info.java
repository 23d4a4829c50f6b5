/**
 * The REST API under /api/v1: resources read request bodies with JSON-P ({@code JsonBodies}, which names the
 * field in every 400) and write their answers with JSON-P ({@code ChannelJson}, {@code CheckJson}, ...), so a
 * secret value is never in an answer by accident and null and absent fields are what the code says.
 *
 * <h2>The contract: /openapi is {@link dev.alertwire.web.api.ApiContract}</h2>
 *
 * Decision: the OpenAPI document is built in Java by an {@code OASModelReader} ({@code ApiContract}, with
 * {@code ApiSchemas} for the schema words), and annotation scanning is off ({@code mp.openapi.scan.disable}
 * in META-INF/microprofile-config.properties). Why:
 * <ul>
 *   <li>Scanning sees methods that take and return {@code String}, so it can only say "a string" for every
 *       body (that was the document until now), and it names operations by method name ("list", "create",
 *       twelve times over) with a {@code *}{@code /*} request body: all of it would need overriding anyway.
 *   <li>{@code @Schema(implementation = SomeRecord.class)} would need a record per body that no code uses:
 *       a second description of what ChannelJson writes, as free to drift as a document, and Payara's scanner
 *       decides nullability, required fields and date formats from it by its own rules. Serialising the
 *       answers from such records (JSON-B) instead would change what the API answers (null handling, field
 *       order, number forms), which is not this change's business.
 *   <li>A static META-INF/openapi.yaml would repeat the channel's thirty fields for the channel, the saved
 *       channel and the export, and spell out enum values by hand. In Java the shared parts are lists
 *       ({@code channel()}, {@code delivery()}), and enum values come from the Java enums the code writes
 *       with {@code name()} (DeliveryStatus, ErrorClass, ...), so a new status is documented as it is added.
 * </ul>
 * What keeps the document honest is {@code OpenApiContractIT} (web-ui tests): it finds every JAX-RS method in
 * the WAR's classes and fails, naming them, for any not in the document (an endpoint added without a schema);
 * it calls every operation for real and validates each answer, refusals included, against the schema given
 * for its path, method and status; and it tries each operation with each role and checks the {@code x-roles}
 * the document lists. Answers' schemas are closed ({@code additionalProperties: false}), so a field the code
 * adds or drops without the document fails it; request schemas are open, as the resources ignore fields they
 * do not read.
 *
 * <p>Conventions the document records: every call needs {@code Authorization: Bearer <token>} (security
 * scheme {@code bearer}); each operation's roles are in {@code x-roles} and its description (OpenAPI 3.0 gives
 * an HTTP bearer scheme no scopes); refusals are RFC 9457 problem details ({@link
 * dev.alertwire.web.api.Problem}, application/problem+json) and every operation may answer 401, 403, 429,
 * 500 and 503 besides its own.
 */
package dev.alertwire.web.api;
