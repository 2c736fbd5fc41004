package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Json;
import dev.schemac.annotations.Table;
import java.util.UUID;

@Table
public record Webhook(
    @Id UUID id,
    String url,
    @Json String payload) {}
