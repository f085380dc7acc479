package dev.migrator.test.jpa.drift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** {@code orders} as a drifted model: a narrower type, a sequence that does not exist, user_id not mapped. */
@Entity
@Table(name = "orders")
public class DriftedOrder {

    /** takes identifiers from orders_seq, which the revisions never create */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;

    /** bigint NOT NULL in the database */
    @Column(name = "total_cents")
    Integer totalCents;

    @Column(nullable = false)
    String state;

    /** nullable in the database */
    @Column(nullable = false, columnDefinition = "text")
    String note;
}
