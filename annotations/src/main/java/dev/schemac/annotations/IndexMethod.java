package dev.schemac.annotations;

/** PostgreSQL index access methods. */
public enum IndexMethod {
  /** The default: equality, ranges, sorting. */
  BTREE,
  /** Equality only. */
  HASH,
  /** Containment in jsonb, arrays, full-text; trigram search with {@code gin_trgm_ops}. */
  GIN,
  /** Geometry, ranges, nearest-neighbour, exclusion. */
  GIST,
  /** Tiny summary index for huge, naturally ordered tables (append-only timestamps). */
  BRIN
}
