package dev.migrator.autoconfigure.slices;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the slice tests of this package find, as a user's own {@code @SpringBootApplication}. */
@SpringBootApplication
public class SliceApp {
}
