package kw.billpay.recovery;

import java.nio.file.Path;
import kw.billpay.testkit.GatewayProcess;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.util.FileSystemUtils;

/**
 * One gateway process for the crash and shutdown tests that can share it ({@code @ExtendWith(SharedGateway.class)}
 * and a {@link GatewayProcess} parameter): a gateway start is the slowest step of those tests, and each of them ends
 * with the gateway restarted and healthy, which is how the next one wants it. Each test keeps to its own accounts and
 * Idempotency-Keys. The process is stopped once the whole run is over. The crash tests run concurrently (pom.xml,
 * surefire), so the tests that share it also hold {@link #LOCK}: one kills or stops it while no other uses it.
 */
final class SharedGateway implements ParameterResolver {

    /** The {@code @ResourceLock} of the tests that use the shared gateway. */
    static final String LOCK = "kw.billpay.recovery.SharedGateway";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == GatewayProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(SharedGateway.class))
                .getOrComputeIfAbsent(Started.class, k -> Started.start(), Started.class).gateway();
    }

    /** The running gateway, closed (SIGTERM, and its PostgreSQL with it) when JUnit closes the root store. */
    private record Started(GatewayProcess gateway) implements ExtensionContext.Store.CloseableResource {

        static Started start() {
            try {
                Path dataDir = Path.of("target", "recovery-shared-data").toAbsolutePath();
                FileSystemUtils.deleteRecursively(dataDir); // an earlier run's, kept for a look when it failed
                GatewayProcess gateway = GatewayProcess.onTestClassPath(dataDir) // C1 only, as every test gateway
                        .log(GatewayProcess.freshLog("recovery-shared-gateway.log")).build();
                gateway.start();
                return new Started(gateway);
            } catch (Exception e) {
                throw new IllegalStateException("the shared gateway did not start", e);
            }
        }

        @Override
        public void close() throws Exception {
            gateway.close();
        }
    }
}
