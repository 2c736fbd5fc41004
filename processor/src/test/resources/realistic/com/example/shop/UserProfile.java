package com.example.shop;

import dev.schemac.annotations.Check;
import dev.schemac.annotations.Id;
import dev.schemac.annotations.Index;
import dev.schemac.annotations.IndexMethod;
import dev.schemac.annotations.Json;
import dev.schemac.annotations.References;
import dev.schemac.annotations.ReferentialAction;
import dev.schemac.annotations.Table;
import dev.schemac.annotations.UpdatedAt;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Optional details a user adds to their account.
 *
 * @param userId the profile's owner, one profile per user
 * @param bio a short self-description
 * @param avatar the picture, as PNG bytes
 * @param settings user interface preferences as JSON
 */
@Table
@Index(columns = "settings", method = IndexMethod.GIN)
public record UserProfile(
    @Id @References(value = User.class, onDelete = ReferentialAction.CASCADE) UUID userId,
    @Nullable @Check("char_length(bio) <= 500") String bio,
    @Nullable LocalDate birthDate,
    @Nullable byte[] avatar,
    @Json Map<String, Object> settings,
    @UpdatedAt Instant updatedAt) {}
