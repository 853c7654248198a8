package cn.chongchuan.safetycredit.devstack;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedServersTest {

    @Test
    void sharedMariaDbServesSqlOverTheMySqlProtocol() throws Exception {
        EmbeddedMariaDb mariaDb = SharedEmbeddedServers.mariaDb();
        mariaDb.createDatabase("devstack_check");
        try (Connection connection = DriverManager.getConnection(mariaDb.jdbcUrl("devstack_check"), "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS t (id INT PRIMARY KEY, name VARCHAR(20))");
            statement.execute("REPLACE INTO t VALUES (1, '崇川区')");
            try (ResultSet rows = statement.executeQuery("SELECT name, VERSION() FROM t WHERE id = 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("崇川区");
                assertThat(rows.getString(2)).contains("MariaDB");
            }
        }
        assertThat(SharedEmbeddedServers.mariaDb()).isSameAs(mariaDb);
    }

    @Test
    void sharedRedisAnswersPing() throws Exception {
        EmbeddedRedis redis = SharedEmbeddedServers.redis();
        try (Socket socket = new Socket("127.0.0.1", redis.port());
             OutputStream out = socket.getOutputStream();
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(in.readLine()).isEqualTo("+PONG");
        }
    }

    @Test
    void aTakenPortIsReportedInOneLine() {
        int taken = SharedEmbeddedServers.redis().port();
        assertThatThrownBy(() -> EmbeddedMariaDb.start(taken))
                .isInstanceOf(EmbeddedStartException.class)
                .hasMessage("Embedded MariaDB cannot start: port " + taken
                        + " on 127.0.0.1 is already in use (choose another with DEVSTACK_MARIADB_PORT)");
    }

    @Test
    void aMissingLibraryIsNamedWithItsPackage() {
        String reason = EmbeddedMariaDb.explain(new RuntimeException(
                "Program failed, exitValue=127, last lines:\n"
                        + "mariadbd: error while loading shared libraries: libncurses.so.5: cannot open shared object file"));
        assertThat(reason).isEqualTo("the shared library libncurses.so.5 is missing (install it, e.g. apt-get install libncurses6)");
    }
}
