package fixtures;

import dev.schemac.annotations.Encrypted;
import dev.schemac.annotations.Hashed;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.util.UUID;

@Table
public record ApiClient(
    @Id UUID id,
    String name,
    @Hashed String clientSecret,
    @Encrypted byte[] signingKey,
    String tokenPrefix) {}
