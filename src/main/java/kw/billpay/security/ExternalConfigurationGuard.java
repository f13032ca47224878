package kw.billpay.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kw.billpay.core.payment.Channel;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The external profile is for real deployments. Before any bean is made (so before a missing {@code DB_URL} turns into
 * Spring's "'url' must start with jdbc"), it checks the whole external configuration and refuses to start with ONE
 * message that names every missing or malformed variable: the engines' coordinates, KNET's, staff users with
 * well-formed {@code {bcrypt}} hashes (a {@code {noop}} password or a hash whose {@code $} were doubled for a .env file
 * is refused), channel API keys as SHA-256 hex, and none of the embedded profile's documented demo secrets; and the
 * built-in KNET simulator must be off. Registered in {@code META-INF/spring.factories}.
 */
public class ExternalConfigurationGuard implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Map<String, String> DEMO_PASSWORDS =
            Map.of("ops", "ops-demo", "teller", "teller-demo", "supervisor", "supervisor-demo");
    private static final Set<String> DEMO_API_KEY_HASHES = Set.of(
            Hashing.sha256Hex("online-demo-key"), Hashing.sha256Hex("mobile-demo-key"));
    private static final Set<String> DEMO_KNET_SECRETS = Set.of("demo-tranportal", "demo-password", "0123456789ABCDEF");
    /** Spring Security's BCrypt format: version, cost, 22 characters of salt and 31 of hash. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Set<String> ROLES = Set.of("OPS", "TELLER", "SUPERVISOR");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Environment environment = context.getEnvironment();
        if (environment.acceptsProfiles(Profiles.of("external"))) {
            List<String> problems = problems(environment);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("The external profile refuses to start; fix these variables (README "
                        + "\"External profile\"): " + String.join("; ", problems));
            }
        }
    }

    /** Every problem of the external configuration, each naming its variable; empty when it may start. */
    static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        String dbUrl = required(environment, "DB_URL", problems);
        if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql://")) {
            problems.add("DB_URL must be a PostgreSQL JDBC URL, jdbc:postgresql://host:5432/database");
        }
        required(environment, "DB_USER", problems);
        required(environment, "DB_PASSWORD", problems);
        String artemisUrl = required(environment, "ARTEMIS_URL", problems);
        if (artemisUrl != null && !artemisUrl.matches("\\(?(tcp|ssl)://.+")) {
            problems.add("ARTEMIS_URL must be the broker's URL, tcp://host:61616 (or ssl://…, or a list in parentheses)");
        }
        required(environment, "ARTEMIS_USER", problems);
        required(environment, "ARTEMIS_PASSWORD", problems);
        String knetBaseUrl = required(environment, "KNET_BASE_URL", problems);
        if (knetBaseUrl != null && !isHttpUrl(knetBaseUrl)) {
            problems.add("KNET_BASE_URL must be KNET's absolute http(s) URL");
        }
        String publicUrl = environment.containsProperty("GATEWAY_PUBLIC_URL")
                ? required(environment, "GATEWAY_PUBLIC_URL", problems) : null;
        if (publicUrl != null && !isHttpUrl(publicUrl)) {
            problems.add("GATEWAY_PUBLIC_URL must be an absolute http(s) URL (where KNET and customers reach the gateway)");
        }
        List<String> knetSecrets = new ArrayList<>();
        String resourceKey = null;
        String resourceKeyName = "KNET_RESOURCE_KEY";
        // What the gateway uses is the property as it resolves: an override such as GATEWAY_KNET_RESOURCE_KEY wins
        // over the variable application-external.yml names, so it is checked as well.
        Map<String, String> knetProperties = new LinkedHashMap<>();
        knetProperties.put("KNET_TRANPORTAL_ID", "gateway.knet.tranportal-id");
        knetProperties.put("KNET_TRANPORTAL_PASSWORD", "gateway.knet.tranportal-password");
        knetProperties.put("KNET_RESOURCE_KEY", "gateway.knet.resource-key");
        for (Map.Entry<String, String> knet : knetProperties.entrySet()) {
            String value = required(environment, knet.getKey(), problems);
            String used = resolved(environment, knet.getValue(), value);
            boolean overridden = used != null && !used.equals(value);
            if (value != null && DEMO_KNET_SECRETS.contains(value)) {
                knetSecrets.add(knet.getKey());
            } else if (used != null && DEMO_KNET_SECRETS.contains(used)) {
                knetSecrets.add(knet.getValue());
            } else if (knet.getKey().equals("KNET_RESOURCE_KEY")) {
                resourceKey = used;
                resourceKeyName = overridden ? knet.getValue() : knet.getKey();
            }
        }
        if (!knetSecrets.isEmpty()) {
            problems.add(String.join(", ", knetSecrets) + ": a demo value of the embedded profile");
        }
        if (resourceKey != null && resourceKey.length() != 16) {
            problems.add(resourceKeyName + " must be the terminal's 16-character resource key (AES-128)");
        }
        if (environment.getProperty("gateway.knet.simulator.enabled", Boolean.class, false)) {
            problems.add("GATEWAY_KNET_SIMULATOR_ENABLED: the built-in KNET simulator never runs in the external profile");
        }
        staffProblems(Binder.get(environment), problems);
        return problems;
    }

    private static void staffProblems(Binder binder, List<String> problems) {
        Map<String, Map<String, String>> staff = binder.bind("gateway.security.staff",
                Bindable.<Map<String, Map<String, String>>>of(mapOfMaps())).orElse(Map.of());
        if (staff.isEmpty()) {
            problems.add("no staff user: set GATEWAY_SECURITY_STAFF_<USER>_PASSWORD and _ROLE for at least one");
        }
        staff.forEach((user, settings) -> {
            String variable = "GATEWAY_SECURITY_STAFF_" + user.toUpperCase(Locale.ROOT);
            String password = settings.getOrDefault("password", "");
            String role = settings.getOrDefault("role", "");
            if (!ROLES.contains(role)) {
                problems.add(variable + "_ROLE must be one of " + ROLES.stream().sorted().toList());
            }
            if (password.isBlank()) {
                problems.add(variable + "_PASSWORD is not set");
            } else if (!password.startsWith("{bcrypt}")) {
                problems.add(variable + "_PASSWORD must be a {bcrypt} hash (" + (password.startsWith("{noop}")
                        ? "{noop} keeps the password in clear" : "no other encoding is accepted") + ")");
            } else if (password.contains("$$")) {
                problems.add(variable + "_PASSWORD holds \"$$\": the hash's $ were escaped twice (in .env, single-quote "
                        + "the hash and write it as it is)");
            } else if (!BCRYPT.matcher(password.substring("{bcrypt}".length())).matches()) {
                problems.add(variable + "_PASSWORD is not a well-formed bcrypt hash ({bcrypt}$2a$10$ and 53 characters)");
            } else if (DEMO_PASSWORDS.values().stream()
                    .anyMatch(demo -> BCrypt.checkpw(demo, password.substring("{bcrypt}".length())))) {
                problems.add(variable + "_PASSWORD: a demo password of the embedded profile");
            }
        });
        List<Map<String, String>> apiKeys = binder.bind("gateway.security.api-keys",
                Bindable.<List<Map<String, String>>>of(listOfMaps())).orElse(List.of());
        for (int i = 0; i < apiKeys.size(); i++) {
            String variable = "GATEWAY_SECURITY_APIKEYS_" + i;
            String sha256 = apiKeys.get(i).getOrDefault("sha256", "");
            String channel = apiKeys.get(i).getOrDefault("channel", "");
            if (!SHA256_HEX.matcher(sha256).matches()) {
                problems.add(variable + "_SHA256 must be the key's SHA-256 in hex (64 characters)");
            } else if (DEMO_API_KEY_HASHES.contains(sha256.toLowerCase(Locale.ROOT))) {
                problems.add(variable + "_SHA256: a demo API key of the embedded profile");
            }
            if (Arrays.stream(Channel.values()).noneMatch(c -> c.name().equals(channel))) {
                problems.add(variable + "_CHANNEL must be a channel, e.g. KNET_ONLINE or MOBILE_APP");
            }
        }
    }

    /** The property as the gateway will read it; {@code fallback} when it is not set or names a variable not set. */
    private static String resolved(Environment environment, String property, String fallback) {
        try {
            String value = environment.getProperty(property);
            return value == null || value.isEmpty() ? fallback : value;
        } catch (IllegalArgumentException unresolvable) {
            return fallback;
        }
    }

    private static String required(Environment environment, String variable, List<String> problems) {
        String value;
        try {
            value = environment.getProperty(variable);
        } catch (IllegalArgumentException unresolvable) {
            problems.add(variable + " holds a ${…} placeholder that nothing resolves");
            return null;
        }
        if (value == null || value.isBlank()) {
            problems.add(variable + " is not set");
            return null;
        }
        return value.trim();
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ResolvableType mapOfMaps() {
        return ResolvableType.forClassWithGenerics(Map.class,
                ResolvableType.forClass(String.class),
                ResolvableType.forClassWithGenerics(Map.class, String.class, String.class));
    }

    private static ResolvableType listOfMaps() {
        return ResolvableType.forClassWithGenerics(List.class,
                ResolvableType.forClassWithGenerics(Map.class, String.class, String.class));
    }
}
