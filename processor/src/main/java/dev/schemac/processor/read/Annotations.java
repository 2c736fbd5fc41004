package dev.schemac.processor.read;

/** Qualified names of the annotations the reader understands. */
final class Annotations {
  private static final String P = "dev.schemac.annotations.";
  static final String TABLE = P + "Table";
  static final String ID = P + "Id";
  static final String COLUMN = P + "Column";
  static final String DEFAULT = P + "Default";
  static final String GENERATED_COLUMN = P + "GeneratedColumn";
  static final String UNIQUE = P + "Unique";
  static final String UNIQUE_LIST = P + "Unique.List";
  static final String CHECK = P + "Check";
  static final String CHECK_LIST = P + "Check.List";
  static final String REFERENCES = P + "References";
  static final String REFERENCES_LIST = P + "References.List";
  static final String INDEX = P + "Index";
  static final String INDEX_LIST = P + "Index.List";
  static final String INDEXED = P + "Indexed";
  static final String JSON = P + "Json";
  static final String CREATED_AT = P + "CreatedAt";
  static final String UPDATED_AT = P + "UpdatedAt";
  static final String SOFT_DELETE = P + "SoftDelete";
  static final String HASHED = P + "Hashed";
  static final String ENCRYPTED = P + "Encrypted";
  static final String RENAMED_FROM = P + "RenamedFrom";
  static final String NATIVE_ENUM = P + "NativeEnum";

  private Annotations() {}
}
