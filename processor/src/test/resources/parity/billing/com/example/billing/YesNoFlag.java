package com.example.billing;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a boolean as Y or N, as the legacy billing system did. */
@Converter
public class YesNoFlag implements AttributeConverter<Boolean, String> {
  @Override
  public String convertToDatabaseColumn(Boolean flag) {
    return flag == null ? null : flag ? "Y" : "N";
  }

  @Override
  public Boolean convertToEntityAttribute(String value) {
    return value == null ? null : value.equals("Y");
  }
}
