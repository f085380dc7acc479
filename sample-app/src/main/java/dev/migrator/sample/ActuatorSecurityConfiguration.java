package dev.migrator.sample;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read the actuator. Probes ({@code /actuator/health/**}) and {@code /actuator/info} are
 * public, so Kubernetes and load balancers need no credentials; without credentials health shows only
 * its status. Everything else under {@code /actuator} — {@code migrations} (schema, history, check
 * details), {@code metrics}, {@code prometheus} — needs the role {@code OPS}, over HTTP basic.
 *
 * <p>The users are a demo: two in memory, their passwords from {@code sample.security.*} properties
 * (set them from the environment, never commit real ones). A real deployment plugs in its own
 * {@link UserDetailsService}, OAuth2 resource server or mTLS and keeps the same rules.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurityConfiguration {

    static final String OPS_ROLE = "OPS";

    @Bean
    @Order(1)
    SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health", "info")).permitAll()
                        .anyRequest().hasRole(OPS_ROLE))
                .httpBasic(withDefaults())
                // the actuator is read-only here and authenticated per request, no session cookie to forge
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** The shop API stays as open as it was: securing it is not what this sample shows. */
    @Bean
    @Order(2)
    SecurityFilterChain applicationSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** {@code ops} has the role OPS; {@code viewer} is authenticated but has not, to show a 403. */
    @Bean
    UserDetailsService actuatorUsers(@Value("${sample.security.ops-password}") String opsPassword,
            @Value("${sample.security.viewer-password}") String viewerPassword) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(
                User.withUsername("ops").password(encoder.encode(opsPassword)).roles(OPS_ROLE).build(),
                User.withUsername("viewer").password(encoder.encode(viewerPassword)).roles("VIEWER").build());
    }
}
