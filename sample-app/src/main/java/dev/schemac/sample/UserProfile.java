package dev.schemac.sample;

import dev.schemac.annotations.SchemacRules;
import dev.schemac.annotations.Check;
import dev.schemac.annotations.Column;
import dev.schemac.annotations.Default;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Json;
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.UpdatedAt;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The public face of a user: one row per user, deleted with the account.
 *
 * @param userId the user; the primary key and the foreign key at once
 * @param bio a few words about the person, shown on their posts
 * @param settings UI preferences (theme, language, newsletter...), read and written as a whole
 */
@Table
// a profile is read and written apart from the account (public pages vs. sign-in)
@SuppressWarnings(SchemacRules.EMBED_ONE_TO_ONE)
public record UserProfile(
    @Id @References(value = User.class, onDelete = ReferentialAction.CASCADE) UUID userId,
    @Nullable @Check("char_length(bio) <= 500") String bio,
    @Column(length = 500) @Nullable String avatarUrl,
    @Nullable LocalDate birthDate,
    @Json @Default("'{}'") Map<String, Object> settings,
    @UpdatedAt Instant updatedAt) {}
