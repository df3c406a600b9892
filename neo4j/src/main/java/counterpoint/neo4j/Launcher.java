package counterpoint.neo4j;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.Version;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Counterpoint's local Neo4j: Neo4j 5.26 Community in embedded mode, reachable over Bolt on
 * 127.0.0.1 only. It stands in for the server on machines without Docker; the same Go code talks
 * to it as to a real server, a cluster or Aura.
 *
 * <p>Settings come from the environment (defaults in brackets):
 * <ul>
 *   <li>{@code NEO4J_BOLT_PORT} [7687]: the Bolt port on 127.0.0.1.</li>
 *   <li>{@code NEO4J_AUTH} [neo4j/counterpoint-dev]: {@code none}, or {@code neo4j/<password>}.</li>
 *   <li>{@code NEO4J_HOME_DIR} [./.neo4j/data]: Neo4j's home (stores, transaction logs, debug.log).</li>
 *   <li>{@code NEO4J_PAGECACHE} [256m]: page cache size.</li>
 *   <li>{@code NEO4J_TX_MEMORY} [512m]: cap on the memory of all running transactions together.</li>
 * </ul>
 * The JVM heap is set by scripts/neo4j.sh ({@code NEO4J_HEAP}).
 */
public final class Launcher {
    private static final String TAG = "counterpoint-neo4j: ";
    private static final String HOST = "127.0.0.1";

    private Launcher() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        try {
            run(out);
        } catch (Throwable e) {
            System.err.println(TAG + "failed to start: " + e);
            Throwable cause = e.getCause();
            while (cause != null) {
                System.err.println(TAG + "  caused by: " + cause);
                cause = cause.getCause();
            }
            System.err.flush();
            // halt, not exit: half-started Neo4j threads must not keep the process alive.
            Runtime.getRuntime().halt(1);
        }
    }

    private static void run(PrintStream out) throws Exception {
        int port = parsePort(env("NEO4J_BOLT_PORT", "7687"));
        Path home = Path.of(env("NEO4J_HOME_DIR", "./.neo4j/data")).toAbsolutePath().normalize();
        String auth = env("NEO4J_AUTH", "neo4j/counterpoint-dev");
        long pageCache = ByteUnit.parse(env("NEO4J_PAGECACHE", "256m"));
        long txMemory = ByteUnit.parse(env("NEO4J_TX_MEMORY", "512m"));

        boolean authEnabled;
        String password = null;
        if (auth.equalsIgnoreCase("none")) {
            authEnabled = false;
        } else {
            int slash = auth.indexOf('/');
            if (slash < 0 || !auth.substring(0, slash).equals("neo4j") || slash == auth.length() - 1) {
                throw new IllegalArgumentException(
                        "NEO4J_AUTH must be 'none' or 'neo4j/<password>', got '" + auth.replaceAll("/.*", "/...") + "'");
            }
            authEnabled = true;
            password = auth.substring(slash + 1);
        }

        Files.createDirectories(home);
        SocketAddress bolt = new SocketAddress(HOST, port);

        Map<Setting<?>, Object> config = new HashMap<>();
        // Connectors: Bolt on loopback only, no HTTP(S).
        config.put(BoltConnector.enabled, true);
        config.put(BoltConnector.listen_address, bolt);
        config.put(BoltConnector.advertised_address, bolt);
        config.put(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
        config.put(HttpConnector.enabled, false);
        config.put(HttpsConnector.enabled, false);
        // Server-side routing is for clusters; off, so nothing else listens. Clients using
        // neo4j:// still get a routing table (this server) from the Bolt connector.
        config.put(GraphDatabaseSettings.routing_enabled, false);
        // Bolt's Netty event loops wait a 5 s quiet period, twice, on shutdown; a development
        // server has nothing to drain once its databases have stopped.
        config.put(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
        config.put(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5));
        // Security.
        config.put(GraphDatabaseSettings.auth_enabled, authEnabled);
        config.put(GraphDatabaseSettings.auth_minimum_password_length, 1);
        // Memory: a small page cache (the default takes half the RAM) and a cap on transaction memory,
        // which lives in the heap that the script caps.
        config.put(GraphDatabaseSettings.pagecache_memory, pageCache);
        config.put(GraphDatabaseSettings.memory_transaction_global_max_size, txMemory);
        // Disk: a development server does not need 256 MiB preallocated logs nor two days of them.
        config.put(GraphDatabaseSettings.preallocate_logical_logs, false);
        config.put(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64));
        config.put(GraphDatabaseSettings.keep_logical_logs, "2 files");
        // No phoning home.
        config.put(GraphDatabaseSettings.udc_enabled, false);

        out.println(TAG + "starting Neo4j " + Version.getNeo4jVersion() + " (home " + home + ", bolt "
                + bolt + ", auth " + (authEnabled ? "neo4j/***" : "none") + ", page cache "
                + ByteUnit.bytesToString(pageCache) + ", tx memory " + ByteUnit.bytesToString(txMemory)
                + ", max heap " + ByteUnit.bytesToString(Runtime.getRuntime().maxMemory()) + ")");

        Log4jLogProvider userLog = new Log4jLogProvider(out, Level.INFO);
        long t0 = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(config)
                .setUserLogProvider(userLog)
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println(TAG + "shutting down");
            try {
                dbms.shutdown();
                out.println(TAG + "shut down cleanly");
            } catch (Throwable e) {
                System.err.println(TAG + "error during shutdown: " + e);
            } finally {
                out.flush();
                userLog.close();
                stopped.countDown();
            }
        }, "counterpoint-neo4j-shutdown"));

        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        GraphDatabaseService neo4j = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        for (GraphDatabaseService db : new GraphDatabaseService[] {system, neo4j}) {
            if (!db.isAvailable(Duration.ofMinutes(5).toMillis())) {
                throw new IllegalStateException("database '" + db.databaseName() + "' did not become available");
            }
        }
        if (authEnabled) {
            setPassword(system, password);
        }

        out.printf("%sbolt ready on %s:%d (Neo4j %s, %d ms)%n", TAG, HOST, port, Version.getNeo4jVersion(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        out.flush();

        // Block until the shutdown hook has run (SIGTERM, SIGINT).
        stopped.await();
    }

    /** Sets the neo4j user's password, without the "change required" flag, on every start. */
    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED",
                    Map.of("pw", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the one it already has.
            if (String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                system.executeTransactionally("ALTER USER neo4j SET PASSWORD CHANGE NOT REQUIRED");
            } else {
                throw e;
            }
        }
    }

    private static int parsePort(String value) {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("NEO4J_BOLT_PORT is not a number: " + value);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("NEO4J_BOLT_PORT out of range: " + value);
        }
        return port;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
