package com.bmo.learning.service.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One embedded PostgreSQL per test JVM; each group of contexts that must not share jobs gets its own database. */
final class TestPostgres {

  private static EmbeddedPostgres postgres;

  private TestPostgres() {
  }

  static synchronized EmbeddedPostgres instance() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder()
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("max_connections", "200")
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException ignored) {
          // the JVM is going away
        }
      }));
    }
    return postgres;
  }

  /** JDBC URL of {@code database}, created empty on first use. */
  static synchronized String jdbcUrl(String database) {
    EmbeddedPostgres pg = instance();
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
        if (!rs.next()) {
          s.execute("create database " + database);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + database, e);
    }
    return pg.getJdbcUrl("postgres", database);
  }
}
