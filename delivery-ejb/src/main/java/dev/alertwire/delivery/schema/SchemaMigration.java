package dev.alertwire.delivery.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Declares the application's data source and brings its schema up to date before anything else runs. The
 * data source class reads ALERTWIRE_DB_URL and friends itself, so one build serves H2 and PostgreSQL.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/alertwire",
    className = "dev.alertwire.persistence.ConfiguredDataSource",
    minPoolSize = 2,
    maxPoolSize = 32,
    // A database that went away and came back leaves dead connections in the pool: validate them
    // (JDBC isValid) and drop them all at the first failure, so service resumes by itself.
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.validate-atmost-once-period-in-seconds=2",
      "fish.payara.fail-all-connections=true"
    })
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "java:app/jdbc/alertwire")
  private DataSource dataSource;

  @PostConstruct
  void migrate() {
    var result =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + (result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion)
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }
}
