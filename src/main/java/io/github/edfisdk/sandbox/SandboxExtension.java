package io.github.edfisdk.sandbox;

import io.github.edfisdk.model.DataStandard;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A running sandbox for a JUnit 5 test class, started once before its tests and stopped after them.
 *
 * <pre>{@code
 * @RegisterExtension
 * static SandboxExtension sandbox = SandboxExtension.builder().seed(Seed.POPULATED).build();
 * ... sandbox.get().baseUrl() ...
 * }</pre>
 * or {@code @ExtendWith(SandboxExtension.class)} (DS 5.1, minimal seed) with an {@link EdFiSandbox} test or
 * constructor parameter.
 */
public final class SandboxExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private final EdFiSandbox.Builder builder;
    private EdFiSandbox sandbox;

    /** DS 5.1, minimal seed, random port, generated credentials. */
    public SandboxExtension() {
        this(EdFiSandbox.builder());
    }

    private SandboxExtension(EdFiSandbox.Builder builder) {
        this.builder = builder;
    }

    public static Options builder() {
        return new Options();
    }

    /** The running sandbox (between beforeAll and afterAll). */
    public EdFiSandbox get() {
        if (sandbox == null) {
            throw new IllegalStateException("The sandbox runs only while the test class runs"
                    + " (register the extension on a static field)");
        }
        return sandbox;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (sandbox == null) {
            sandbox = builder.start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == EdFiSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        if (sandbox == null) {
            sandbox = builder.start();
        }
        return sandbox;
    }

    /** The sandbox options of an extension. */
    public static final class Options {
        private final EdFiSandbox.Builder builder = EdFiSandbox.builder();

        public Options dataStandard(DataStandard ds) {
            builder.dataStandard(ds);
            return this;
        }

        public Options seed(Seed seed) {
            builder.seed(seed);
            return this;
        }

        public Options credentials(String key, String secret) {
            builder.credentials(key, secret);
            return this;
        }

        public Options tokenLifetime(Duration lifetime) {
            builder.tokenLifetime(lifetime);
            return this;
        }

        public SandboxExtension build() {
            return new SandboxExtension(builder);
        }
    }
}
