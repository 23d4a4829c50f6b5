/**
 * The runnable artifact's entry point. {@code mvn package} has Payara Micro write an uber jar
 * ({@code --outputuberjar}) holding the runtime, the WAR and the options the app needs
 * ({@code payara.micro.options} in web-ui/pom.xml, stored in MICRO-INF/deploy/payaramicro.properties), and a
 * pre-boot command that binds the HTTP listener to {@code ${alertwire.bind.address}}. Payara Micro reads its
 * port only from its command line or that file, not from the environment, so the build makes {@link Launcher}
 * the jar's Main-Class: it turns ALERTWIRE_PORT and ALERTWIRE_BIND_ADDRESS into Payara's terms and hands over
 * to Payara Micro's own main class in the same JVM (no second process, signals reach Payara directly).
 * Decision: a launcher of our own rather than a copied domain.xml, so every other Payara default stays
 * Payara's, and rather than Payara's {@code ${ENV=...}} tokens, which have no default.
 */
package dev.alertwire.launcher;
