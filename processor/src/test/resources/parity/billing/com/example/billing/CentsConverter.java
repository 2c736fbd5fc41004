package com.example.billing;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link Cents} as a bigint. */
@Converter
public class CentsConverter implements AttributeConverter<Cents, Long> {
  @Override
  public Long convertToDatabaseColumn(Cents cents) {
    return cents == null ? null : cents.value();
  }

  @Override
  public Cents convertToEntityAttribute(Long value) {
    return value == null ? null : new Cents(value);
  }
}
