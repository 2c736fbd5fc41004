package fixtures;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;

@Table
public record Shelf(@Id int aisle, @Id int position, @Column(length = 40) String label) {}
