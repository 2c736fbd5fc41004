package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Indexed;
import dev.schemac.annotations.Table;

@Table
public record Listing( // fires
    @Id(generated = Id.Generated.IDENTITY) long id,
    @Indexed int bedrooms,
    @Indexed int bathrooms,
    @Indexed int floorArea,
    @Indexed int storeys,
    @Indexed int rooms,
    @Indexed int balconies,
    @Indexed int garages,
    @Indexed int elevators,
    @Indexed int fireplaces,
    @Indexed int terraces) {}
