package dev.migrator.test.spring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** {@code orders} of sets/shop, named the Spring Boot way. */
@Entity
@Table(name = "orders")
class Purchase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    long userId;

    long totalCents;

    @Column(nullable = false)
    String state;

    Instant updatedAt;

    @Column(columnDefinition = "text")
    String note;
}
