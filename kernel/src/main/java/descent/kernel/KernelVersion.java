package descent.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The rapaio-jupyter-kernel version the launcher completes the start-up of (written into
 * {@code descent-kernel.properties} by the build from the parent pom's {@code rapaio.version}), and the
 * version on the class path (the kernel jar's own {@code pom.properties}). The launcher reaches into the
 * kernel's private fields, so on any other version it refuses to start rather than guess.
 */
final class KernelVersion {
    private static final String KERNEL_POM =
            "/META-INF/maven/io.github.padreati/rapaio-jupyter-kernel/pom.properties";

    private KernelVersion() {
    }

    static String known() {
        return property("/descent-kernel.properties", "rapaio.version");
    }

    static String running() {
        return property(KERNEL_POM, "version");
    }

    /** Null when the running kernel is the known one, otherwise what is wrong, in a sentence. */
    static String mismatch() {
        String known = known();
        String running = running();
        if (known.equals(running)) {
            return null;
        }
        return "the course's kernel launcher completes the start-up of rapaio-jupyter-kernel " + known
                + ", but the class path has " + (running.isEmpty() ? "no rapaio-jupyter-kernel" : "version " + running)
                + ". Re-run ./course setup, or update kernel/ (RapaioLauncher) for the new version.";
    }

    private static String property(String resource, String key) {
        try (InputStream in = KernelVersion.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key, "").trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
