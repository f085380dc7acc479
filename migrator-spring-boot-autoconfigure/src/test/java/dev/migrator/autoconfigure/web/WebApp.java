package dev.migrator.autoconfigure.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A web application with actuator probes and nothing else. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class WebApp {
}
