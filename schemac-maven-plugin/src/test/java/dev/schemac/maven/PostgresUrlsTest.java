package dev.schemac.maven;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class PostgresUrlsTest {
  @Test
  void withDatabase_keepsServerAndOptions() {
    assertThat(PostgresUrls.withDatabase("jdbc:postgresql://db.example:5433/shop?sslmode=require&user=app", "scratch"))
        .isEqualTo("jdbc:postgresql://db.example:5433/scratch?sslmode=require&user=app");
    assertThat(PostgresUrls.withDatabase("jdbc:postgresql://a:1,b:2/shop", "scratch"))
        .isEqualTo("jdbc:postgresql://a:1,b:2/scratch");
    assertThat(PostgresUrls.withDatabase("jdbc:postgresql:shop", "scratch")).isEqualTo("jdbc:postgresql:scratch");
  }

  @Test
  void redacted_hidesThePassword() {
    assertThat(PostgresUrls.redacted("jdbc:postgresql://h/db?user=app&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=app&password=***&ssl=true");
  }
}
