package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.util.UUID;

@Table
public record ApiClient(
    @Id UUID id,
    String name,
    String clientSecret, // fires
    byte[] signingKey, // fires
    String tokenPrefix) {}
