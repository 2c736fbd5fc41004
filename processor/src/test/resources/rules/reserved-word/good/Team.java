package fixtures;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;

@Table(name = "user_groups")
public record Team(
    @Id(generated = Id.Generated.IDENTITY) long id,
    @Column(length = 100) String name,
    @Column(name = "sort_order") int order,
    int maxMembers,
    @Column(length = 40) String owner) {}
