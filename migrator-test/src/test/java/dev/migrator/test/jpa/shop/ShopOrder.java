package dev.migrator.test.jpa.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** {@code orders} of the shop revisions (sets/shop), mapped with Hibernate's default naming. */
@Entity
@Table(name = "orders")
public class ShopOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "user_id")
    long userId;

    @Column(name = "total_cents")
    long totalCents;

    @Column(nullable = false)
    String state;

    @Column(name = "updated_at")
    Instant updatedAt;

    @Column(columnDefinition = "text")
    String note;
}
