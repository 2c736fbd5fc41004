package dev.schemac.maven;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {
  @Test
  void withDatabase_keepsServerAndOptions() {
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db.example:5433/shop?sslmode=require&user=app", "scratch"))
        .isEqualTo("jdbc:postgresql://db.example:5433/scratch?sslmode=require&user=app");
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql://a:1,b:2/shop", "scratch"))
        .isEqualTo("jdbc:postgresql://a:1,b:2/scratch");
    assertThat(JdbcUrls.withDatabase("jdbc:postgresql:shop", "scratch")).isEqualTo("jdbc:postgresql:scratch");
    assertThat(JdbcUrls.withDatabase("jdbc:mariadb://127.0.0.1:3306/shop?user=root", "scratch"))
        .isEqualTo("jdbc:mariadb://127.0.0.1:3306/scratch?user=root");
    assertThat(JdbcUrls.withDatabase("jdbc:mysql://db:3306/shop", "scratch")).isEqualTo("jdbc:mysql://db:3306/scratch");
  }

  @Test
  void redacted_hidesThePassword() {
    assertThat(JdbcUrls.redacted("jdbc:postgresql://h/db?user=app&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=app&password=***&ssl=true");
  }
}
