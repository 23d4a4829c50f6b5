/**
 * The template language, matched to the hosted product's engine case for case.
 *
 * <p>Decision: this is a port of handlebars.js 4.7.9 (lexer, grammar, standalone-line whitespace rules and
 * runtime) plus the {@code @checkly/handlebars} helpers and dayjs formatting, not a layer of helpers on
 * Handlebars.java as the design card first planned. Handlebars.java 4.4 differs from handlebars.js in
 * places helpers cannot reach: {@code @first}/{@code @last} render as "first"/"last", string literals as
 * mustaches are refused, {@code {{= =}}} delimiters and escaped mustaches behave differently, and
 * standalone lines are trimmed by other rules. Users' templates must render byte for byte as they do in the
 * hosted product, so the reference's behaviour was ported and is held to it by the shared conformance cases
 * and by cases recorded from the reference engine itself.
 *
 * <p>Dates are read and formatted in the engine's zone, as dayjs does in the server's local zone; the clock
 * is injected so tests can freeze it.
 */
package dev.alertwire.domain.template;
