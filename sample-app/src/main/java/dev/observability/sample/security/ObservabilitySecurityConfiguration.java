package dev.observability.sample.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Restricts the {@code observability} endpoint's write operations ({@code POST /actuator/observability/{name}} and
 * {@code POST /actuator/observability}, which switch adapters off and on and change their settings and the manager's,
 * granted in {@code application.yml} by {@code management.endpoint.observability.access: unrestricted})
 * to the role {@value #ADMIN_ROLE} over HTTP Basic; every other request,
 * including the endpoint's reads, health and the Prometheus scrape, stays open as it was without Spring Security.
 * The users come from {@code sample.security.admin.*} and {@code sample.security.viewer.*}, whose sample-only
 * defaults are in {@code sample-security.properties} (any property source, such as the environment, overrides them).
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:sample-security.properties")
public class ObservabilitySecurityConfiguration {

    /** The role allowed to switch adapters and change settings. */
    public static final String ADMIN_ROLE = "OBSERVABILITY_ADMIN";

    @Bean
    SecurityFilterChain observabilitySecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests((requests) -> requests
            .requestMatchers(EndpointRequest.to("observability").withHttpMethod(HttpMethod.POST))
            .hasRole(ADMIN_ROLE)
            .anyRequest()
            .permitAll())
            .httpBasic(Customizer.withDefaults())
            // A stateless JSON API authenticated per request with HTTP Basic: no session and no login cookie, so a
            // browser cannot replay credentials on a forged cross-site request and a CSRF token protects nothing.
            // (Keep CSRF on if you add a form login or session cookies.)
            .sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf((csrf) -> csrf.disable());
        return http.build();
    }

    @Bean
    UserDetailsService observabilityUsers(@Value("${sample.security.admin.username}") String adminName,
            @Value("${sample.security.admin.password}") String adminPassword,
            @Value("${sample.security.viewer.username}") String viewerName,
            @Value("${sample.security.viewer.password}") String viewerPassword) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(
                User.withUsername(adminName).password(encoder.encode(adminPassword)).roles(ADMIN_ROLE).build(),
                User.withUsername(viewerName).password(encoder.encode(viewerPassword)).roles("VIEWER").build());
    }
}
