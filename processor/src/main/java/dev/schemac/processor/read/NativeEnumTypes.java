package dev.schemac.processor.read;

import dev.schemac.processor.model.EnumType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The native enum types of one read, by name, each with the Java enum it was made from: one name, one enum. */
final class NativeEnumTypes {
  private final Map<String, EnumType> types = new TreeMap<>();
  private final Map<String, String> sources = new HashMap<>();

  /**
   * Registers the type {@code name} of {@code enumClass}'s {@code values}; returns the other enum
   * class that already has the name (nothing is registered then), or null.
   */
  String register(String name, List<String> values, String enumClass) {
    String previous = sources.putIfAbsent(name, enumClass);
    if (previous != null && !previous.equals(enumClass)) {
      return previous;
    }
    types.putIfAbsent(name, new EnumType(name, values));
    return null;
  }

  List<EnumType> all() {
    return List.copyOf(types.values());
  }
}
