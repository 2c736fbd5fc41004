package com.example.catalog;

import dev.schemac.annotations.Indexed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EnumType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.NaturalId;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.VarcharJdbcType;

@Entity
@Table(name = "products")
@Comment("What the shop sells.")
@Check(name = "products_price_range", constraints = "min_price <= max_price")
@DynamicUpdate
@BatchSize(size = 25)
public class Product {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
  @NaturalId @Column(nullable = false, length = 32) String sku;
  @NaturalId @Column(nullable = false, length = 8) String market;
  @Column(nullable = false) long minPrice;
  @Column(nullable = false) long maxPrice;
  @JdbcTypeCode(SqlTypes.JSON) Map<String, Object> attributes;
  @JdbcTypeCode(SqlTypes.JSON) List<String> keywords;
  @JdbcTypeCode(SqlTypes.JSON) Dimensions dimensions;
  @JdbcTypeCode(SqlTypes.ARRAY) java.util.Set<String> tags;
  @JdbcTypeCode(SqlTypes.UUID) UUID externalId;
  @JdbcTypeCode(SqlTypes.VARCHAR) UUID legacyId;
  @JdbcType(VarcharJdbcType.class) UUID mirrorId;
  @JdbcTypeCode(SqlTypes.CHAR) @Column(length = 3) String currency;
  @JdbcTypeCode(SqlTypes.NAMED_ENUM) Availability availability;
  @JdbcTypeCode(SqlTypes.VARCHAR) Availability availabilityName;
  @SuppressWarnings("schemac:enum-ordinal") @JdbcTypeCode(SqlTypes.SMALLINT) @Enumerated(EnumType.STRING) Availability availabilityRank;
  @JdbcTypeCode(SqlTypes.LONG32VARCHAR) String description;
  @JdbcTypeCode(SqlTypes.INET) String sourceAddress;
  @JdbcTypeCode(SqlTypes.TIMESTAMP_WITH_TIMEZONE) LocalDateTime publishedAt;
  @ColumnDefault("0") @Column(nullable = false) int views;
  @ColumnDefault("'draft'") @Column(length = 16) String workflow;
  @Comment("Shown in listings.") @Column(length = 80) String title;
  @Check(constraints = "stock >= 0") Integer stock;
  @CreationTimestamp Instant createdAt;
  @UpdateTimestamp Instant updatedAt;
  @Formula("max_price - min_price") Long spread;
  @org.hibernate.annotations.GeneratedColumn("max_price - min_price") Long priceRange;
  @Generated @ColumnDefault("now()") Instant importedAt;
  @ManyToOne(optional = false) @OnDelete(action = OnDeleteAction.CASCADE) @Indexed Category category;
}
