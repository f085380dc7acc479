package dev.migrator.test.jpa.drift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** {@code users} as a model that drifted from the shop revisions: every kind of column difference. */
@Entity
@Table(name = "users")
public class DriftedUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String email;

    /** user_status (an enum type) in the database */
    @Column(nullable = false)
    String status;

    /** NOT NULL in the database */
    @Column(name = "created_at")
    OffsetDateTime createdAt;

    /** varchar(40) in the database */
    @Column(length = 80)
    String nickname;

    /** no such column */
    String phone;
}
