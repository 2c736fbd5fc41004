package com.example.adopt;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class CurrencyConverter implements AttributeConverter<String, Integer> {
  @Override public Integer convertToDatabaseColumn(String value) { return value == null ? null : value.hashCode(); }
  @Override public String convertToEntityAttribute(Integer value) { return value == null ? null : value.toString(); }
}
