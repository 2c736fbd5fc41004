package fixtures;

import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.IndexMethod;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.Unique;
import java.time.LocalDate;

@Table
@Index(columns = {"title", "published_on"})
@Index(columns = "body", method = IndexMethod.GIN, opclass = "gin_trgm_ops")
public record Article(
    @Id(generated = Id.Generated.IDENTITY) long id,
    @Unique String slug, // fires
    String title, // fires
    LocalDate publishedOn,
    String body) {}
