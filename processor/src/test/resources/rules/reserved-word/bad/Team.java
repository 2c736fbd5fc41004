package fixtures;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;

@Table(name = "group")
public record Team( // fires
    @Id(generated = Id.Generated.IDENTITY) long id,
    @Column(length = 100) String name,
    int order, // fires
    int limit, // fires
    @Column(length = 40) String user) {} // fires
