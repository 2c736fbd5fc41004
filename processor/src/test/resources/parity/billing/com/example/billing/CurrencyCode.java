package com.example.billing;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Currency;

/** Every {@link Currency} attribute is stored as its ISO code. */
@Converter(autoApply = true)
public class CurrencyCode implements AttributeConverter<Currency, String> {
  @Override
  public String convertToDatabaseColumn(Currency currency) {
    return currency == null ? null : currency.getCurrencyCode();
  }

  @Override
  public Currency convertToEntityAttribute(String code) {
    return code == null ? null : Currency.getInstance(code);
  }
}
