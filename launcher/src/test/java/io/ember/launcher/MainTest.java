package io.ember.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path home;
    Path engine;
    Path app;
    Map<String, String> env;

    @BeforeEach
    void install() throws IOException {
        engine = home.resolve("jvm/target/" + CommandBuilder.ENGINE_JAR);
        Files.createDirectories(engine.getParent());
        Files.write(engine, new byte[0]);
        app = home.resolve("app.jar");
        Files.write(app, new byte[0]);
        env = Map.of("EMBER_HOME", home.toString());
    }

    @Test
    void mainPrintsTheCommandNulSeparatedOrTheError() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--class", "M", app.toString(), "a b"}, env, out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        String expected = String.join("\0", "java", "-XX:+UseParallelGC", "-cp", engine + File.pathSeparator + app,
                "-Dember.master=local[*]", "-Dember.jars=" + app, "M", "a b") + "\0";
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
        out.reset();
        code = Main.run(new String[] {"--conf", "oops", app.toString()}, env, out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        assertEquals(0, out.size());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("ember-submit: --conf expects KEY=VALUE"));
        err.reset();
        assertEquals(0, Main.run(new String[] {"--help"}, env, out, new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals(0, out.size());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Usage: ember-submit"));
    }
}
