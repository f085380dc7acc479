package dev.migrator.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.WebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Starts the concurrent startup run ({@link StartupRun}) while a web application creates its web server: the
 * first bean a web application's context makes once its post-processors are in place, before every other
 * singleton (JPA's {@code EntityManagerFactory} among them, which Spring creates first of all). Creating the
 * DataSource and the Migrator there is as safe as later, since every post-processor already applies, and the
 * run then overlaps the web server's creation too. It changes nothing in the server.
 */
final class StartupRunStarter implements WebServerFactoryCustomizer<WebServerFactory>, Ordered {

    private final ObjectProvider<StartupRun> run;

    StartupRunStarter(ObjectProvider<StartupRun> run) {
        this.run = run;
    }

    @Override
    public void customize(WebServerFactory factory) {
        run.getIfAvailable(); // creating the bean starts the run
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
