package fixtures;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.Table;
import java.util.UUID;

@Table
public record ProductAttribute( // fires
    @Id @References(value = Product.class, onDelete = ReferentialAction.CASCADE) UUID productId,
    @Id @Column(length = 100) String attribute,
    String value) {}
