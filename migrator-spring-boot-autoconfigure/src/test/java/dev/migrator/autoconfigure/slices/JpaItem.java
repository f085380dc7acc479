package dev.migrator.autoconfigure.slices;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The migrated {@code items} table as a JPA entity; {@code ddl-auto=validate} checks it against the schema. */
@Entity
@Table(name = "items")
public class JpaItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, columnDefinition = "text")
    private String name;

    protected JpaItem() {}

    public JpaItem(String name) {
        this.name = name;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
}
