package dev.migrator.test.spring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** {@code users} of sets/shop, named the Spring Boot way: {@code createdAt} is column {@code created_at}. */
@Entity
@Table(name = "users")
class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String email;

    @Column(nullable = false, columnDefinition = "user_status")
    String status;

    @Column(nullable = false)
    OffsetDateTime createdAt;

    @Column(length = 40)
    String nickname;
}
