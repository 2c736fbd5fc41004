package shop;

import dev.schemac.annotations.Column;
import org.jspecify.annotations.Nullable;

/**
 * A postal address, embedded in the customer's document.
 *
 * @param street the street and number
 * @param zip the postal code
 * @param country the ISO country code, when known
 */
public record Address(String street, @Column(length = 10) String zip, @Nullable @Column(length = 2) String country) {}
