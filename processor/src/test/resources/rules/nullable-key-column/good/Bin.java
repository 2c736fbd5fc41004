package fixtures;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.References;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.Unique;
import org.jspecify.annotations.Nullable;

@Table
@Unique(columns = {"zone", "level"})
@References(value = Shelf.class, columns = {"shelf_aisle", "shelf_position"})
@Index(columns = {"shelf_aisle", "shelf_position"})
public record Bin(
    @Id(generated = Id.Generated.IDENTITY) long id,
    @Column(length = 20) @Unique @Nullable String label,
    int zone,
    int level,
    int shelfAisle,
    int shelfPosition) {}
