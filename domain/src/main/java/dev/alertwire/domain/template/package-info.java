/**
 * The template language, matched to the hosted product's engine case for case.
 *
 * <p>Decision: this is a port of handlebars.js 4.7.9 (lexer, grammar, standalone-line whitespace rules and
 * runtime) plus the {@code @checkly/handlebars} helpers and dayjs formatting, not a layer of helpers on
 * Handlebars.java as the design card first planned. Number printing, truthiness and escaping could be bent
 * to the reference through Handlebars.java's extension points (value resolvers, an escaping strategy, the
 * helpers); what cannot is in its grammar and runtime. Measured with Handlebars.java 4.4.0 (November 2026):
 * <ul>
 *   <li>literal mustaches are refused: {@code {{"x"}}} and {@code {{5}}} are parse errors (the reference
 *       prints {@code x} and {@code 5});
 *   <li>an escaped backslash before a mustache prints the mustache: {@code \\{{a}}} gives
 *       {@code \{{a}}} (the reference gives a backslash and a's value);
 *   <li>{@code @first} and {@code @last} inside {@code each} print the words "first" and "last" instead of
 *       true and false;
 *   <li>it accepts syntax the reference rejects: {@code {{foo/../bar}}} and {@code {{a/this}}} (the
 *       reference: "Invalid path"), and mustache delimiter changes {@code {{=<% %>=}}};
 *   <li>inverse blocks of a helper with arguments ({@code {{^eq a b}}...{{/eq}}}) do not behave as the
 *       reference's (which calls the helper with fn and inverse swapped); our own test helper could not make
 *       them work there.
 * </ul>
 * Users' templates must render byte for byte as they do in the hosted product, so the reference's behaviour
 * was ported and is held to it by the conformance cases and by cases recorded from the reference engine.
 *
 * <p>Dates are read and formatted in the engine's zone, as dayjs does in the server's local zone; the clock
 * is injected so tests can freeze it.
 */
package dev.alertwire.domain.template;
