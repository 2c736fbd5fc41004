package dev.schemac.processor.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The shape every stable id of schemac's messages shares: the processor's catalog ({@link ErrorId})
 * and the Maven plugin's ({@code dev.schemac.maven.PluginErrorId}), one namespace. A message of an
 * id starts with {@code [schemac:<id>] }.
 */
public interface DiagnosticId {
  /** The kebab-case id without the {@code schemac:} prefix, e.g. {@code unknown-column}. */
  String id();

  /** One line: what kind of message this is (the docs say more). */
  String summary();

  /** What a message of this id starts with: {@code [schemac:unknown-column] }. */
  default String tag() {
    return "[schemac:" + id() + "] ";
  }

  /** {@code message} with its id first. */
  default String message(String message) {
    return tag() + message;
  }

  /** The id of {@code catalog} a message starts with, if it starts with one. */
  static <E extends Enum<E> & DiagnosticId> Optional<E> of(Class<E> catalog, String message) {
    return message == null ? Optional.empty()
        : Arrays.stream(catalog.getEnumConstants()).filter(e -> message.startsWith(e.tag())).findFirst();
  }
}
