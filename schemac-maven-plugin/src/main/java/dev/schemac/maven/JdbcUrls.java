package dev.schemac.maven;

/**
 * JDBC URLs of a server: {@code jdbc:postgresql://host:port/database?options} (also {@code
 * jdbc:postgresql:database}), {@code jdbc:mariadb://host:port/database?options}, {@code
 * jdbc:mysql://...}.
 */
final class JdbcUrls {
  private JdbcUrls() {}

  /** The same server, user options and all, with another database. */
  static String withDatabase(String url, String database) {
    int colon = url.indexOf(':', "jdbc:".length());
    String prefix = url.substring(0, colon + 1);
    String rest = url.substring(prefix.length());
    int query = rest.indexOf('?');
    String options = query < 0 ? "" : rest.substring(query);
    String location = query < 0 ? rest : rest.substring(0, query);
    if (location.startsWith("//")) {
      int slash = location.indexOf('/', 2);
      String hosts = slash < 0 ? location : location.substring(0, slash);
      return prefix + hosts + "/" + database + options;
    }
    return prefix + database + options;
  }

  /** The URL without a {@code password=} option, for messages and logs. */
  static String redacted(String url) {
    return url == null ? null : url.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
  }
}
