package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;

@Table
public record Account(@Id(generated = Id.Generated.IDENTITY) long id, String name) {}
