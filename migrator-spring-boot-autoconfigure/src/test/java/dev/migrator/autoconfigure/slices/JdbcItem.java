package dev.migrator.autoconfigure.slices;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** The migrated {@code items} table as a Spring Data JDBC aggregate. */
@Table("items")
public record JdbcItem(@Id Long id, String name) {
}
