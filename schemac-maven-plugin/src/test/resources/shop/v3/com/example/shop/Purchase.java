package com.example.shop;

import dev.schemac.annotations.*;
import java.math.BigDecimal;

/** What a customer bought. */
@Table
public record Purchase(@Id(generated = Id.Generated.IDENTITY) long id,
    @References(value = Customer.class, onDelete = ReferentialAction.CASCADE) @Indexed long customerId,
    @Column(precision = 10, scale = 2) @Check("total >= 0") BigDecimal total, @Check("quantity > 0") int quantity,
    @Column(length = 500) @Nullable String note) {}
