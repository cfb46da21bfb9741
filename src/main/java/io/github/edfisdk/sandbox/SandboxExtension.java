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

    /** {@code SandboxExtension.builder().seed(Seed.POPULATED).build()}. */
    public static Builder builder() {
        return new Builder();
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

    /**
     * Configures a {@link SandboxExtension}; {@link #build()} copies the settings, so changing the builder later does
     * not change an extension already built.
     */
    public static final class Builder {
        private DataStandard dataStandard = DataStandard.DS5;
        private Seed seed = Seed.MINIMAL;
        private String key;
        private String secret;
        private Duration tokenLifetime;

        private Builder() {
        }

        /** The Data Standard (default 5.1). */
        public Builder dataStandard(DataStandard ds) {
            this.dataStandard = java.util.Objects.requireNonNull(ds);
            return this;
        }

        /** The seed (default {@link Seed#MINIMAL}). */
        public Builder seed(Seed seed) {
            this.seed = java.util.Objects.requireNonNull(seed);
            return this;
        }

        /** The client key and secret (default: generated). */
        public Builder credentials(String key, String secret) {
            EdFiSandbox.builder().credentials(key, secret); // the same checks as the sandbox's builder
            this.key = key;
            this.secret = secret;
            return this;
        }

        /** Token lifetime (default 30 minutes). */
        public Builder tokenLifetime(Duration lifetime) {
            EdFiSandbox.builder().tokenLifetime(lifetime);
            this.tokenLifetime = lifetime;
            return this;
        }

        /** The extension; register it on a static field with {@code @RegisterExtension}. */
        public SandboxExtension build() {
            EdFiSandbox.Builder b = EdFiSandbox.builder().dataStandard(dataStandard).seed(seed);
            if (key != null) {
                b.credentials(key, secret);
            }
            if (tokenLifetime != null) {
                b.tokenLifetime(tokenLifetime);
            }
            return new SandboxExtension(b);
        }
    }
}
