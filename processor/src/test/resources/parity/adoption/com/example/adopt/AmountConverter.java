package com.example.adopt;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class AmountConverter implements AttributeConverter<String, Long> {
  @Override public Long convertToDatabaseColumn(String value) { return value == null ? null : Long.valueOf(value); }
  @Override public String convertToEntityAttribute(Long value) { return value == null ? null : value.toString(); }
}
