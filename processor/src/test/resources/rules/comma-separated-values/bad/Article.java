package fixtures;

import dev.schemac.annotations.Column;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Table;
import java.util.UUID;

@Table
public record Article(
    @Id UUID id,
    @Column(length = 200) String title,
    String body,
    String tags, // fires
    @Column(length = 500) String relatedArticleIds) {} // fires
