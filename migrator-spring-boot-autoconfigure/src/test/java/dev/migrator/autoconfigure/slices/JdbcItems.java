package dev.migrator.autoconfigure.slices;

import org.springframework.data.repository.CrudRepository;

public interface JdbcItems extends CrudRepository<JdbcItem, Long> {
}
