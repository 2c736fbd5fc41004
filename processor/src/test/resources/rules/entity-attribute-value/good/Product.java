package fixtures;

import dev.schemac.annotations.Index;
import dev.schemac.annotations.IndexMethod;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Json;
import dev.schemac.annotations.Table;
import java.util.Map;
import java.util.UUID;

@Table
@Index(columns = "attributes", method = IndexMethod.GIN)
public record Product(@Id UUID id, String name, @Json Map<String, Object> attributes) {}
