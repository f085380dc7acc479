package dev.migrator.test.spring;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application of the Spring slice test: its entities are in this package. */
@SpringBootApplication
class SliceApplication {
}
