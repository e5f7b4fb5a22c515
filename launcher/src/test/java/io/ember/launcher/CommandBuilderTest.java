package io.ember.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandBuilderTest {
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
        writeJar(app, null);
        env = new HashMap<>(Map.of("EMBER_HOME", home.toString()));
    }

    private static void writeJar(Path jar, String mainClass) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jar2 = new JarOutputStream(out, m)) {
            jar2.flush();
        }
    }

    private List<String> build(String... args) {
        return new CommandBuilder(env).build(SubmitArguments.parse(args));
    }

    private String error(String... args) {
        return assertThrows(SubmitException.class, () -> build(args)).getMessage();
    }

    private void writeDefaults(String text) throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/" + CommandBuilder.DEFAULTS_FILE), text);
    }

    @Test
    void javaCommandHasHeapClasspathSettingsMainAndArgs() {
        List<String> cmd = build("--master", "local[2]", "--driver-memory", "2g", "--conf", "ember.x=1",
                "--class", "io.x.Main", app.toString(), "in.txt", "--flag");
        assertEquals(List.of("java", "-XX:+UseParallelGC", "-Xmx2g", "-cp", engine + java.io.File.pathSeparator + app,
                "-Dember.master=local[2]", "-Dember.x=1", "-Dember.driver.memory=2g", "-Dember.jars=" + app,
                "io.x.Main", "in.txt", "--flag"), cmd);
    }

    @Test
    void jarsJoinTheClasspathAndAreShippedWithTheApplicationJar() {
        List<String> cmd = build("--jars", "/libs/a.jar,/libs/b.jar", "--class", "M", app.toString());
        assertEquals(List.of("-cp", engine + java.io.File.pathSeparator + app + java.io.File.pathSeparator
                + "/libs/a.jar" + java.io.File.pathSeparator + "/libs/b.jar", "-Dember.master=local[*]",
                "-Dember.jars=/libs/a.jar,/libs/b.jar," + app, "M"), cmd.subList(2, cmd.size()));
    }

    @Test
    void masterDefaultsToLocalStarAndJavaHomeIsUsed() {
        env.put("JAVA_HOME", "/opt/jdk");
        List<String> cmd = build("--class", "M", app.toString());
        assertEquals(Path.of("/opt/jdk", "bin", "java").toString(), cmd.get(0));
        assertEquals(List.of("-XX:+UseParallelGC", "-cp", engine + java.io.File.pathSeparator + app,
                "-Dember.master=local[*]", "-Dember.jars=" + app, "M"),
                cmd.subList(1, cmd.size()));
    }

    @Test
    void confKeysMustStartWithEmberOrSpark() {
        String msg = error("--conf", "foo=1", "--class", "M", app.toString());
        assertEquals("Configuration key 'foo' given to --conf must start with 'ember.' or 'spark.'", msg);
        assertTrue(error("--conf", "spark.=1", "--class", "M", app.toString()).contains("'spark.'"));
    }

    @Test
    void sparkKeysBecomeTheirEmberTwins() throws IOException {
        writeDefaults("spark.executor.cores=3\n");
        List<String> cmd = build("--conf", "spark.executor.memory=2g", "--conf", "spark.master=local[3]",
                "--class", "M", app.toString());
        assertTrue(cmd.containsAll(List.of("-Dember.master=local[3]", "-Dember.executor.memory=2g",
                "-Dember.executor.cores=3")), cmd.toString());
        assertFalse(cmd.stream().anyMatch(a -> a.startsWith("-Dspark.")), cmd.toString());
        cmd = build("--conf", "spark.driver.memory=768m", "--class", "M", app.toString());
        assertTrue(cmd.contains("-Xmx768m"), cmd.toString());
    }

    @Test
    void defaultsFileAppliesBeforeConfAndFlags() throws IOException {
        writeDefaults("# defaults\nember.master=local[3]\nember.a=from-file\nember.b = spaced\n");
        List<String> cmd = build("--conf", "ember.a=from-conf", "--class", "M", app.toString());
        assertTrue(cmd.containsAll(List.of("-Dember.master=local[3]", "-Dember.a=from-conf", "-Dember.b=spaced")), cmd.toString());
        assertFalse(cmd.contains("-Dember.a=from-file"));
        cmd = build("--master", "local[1]", "--conf", "ember.master=local[5]", "--class", "M", app.toString());
        assertTrue(cmd.contains("-Dember.master=local[1]") && !cmd.contains("-Dember.master=local[5]"), cmd.toString());
    }

    @Test
    void badDefaultsFileKeyNamesTheFile() throws IOException {
        writeDefaults("hadoop.master=local\n");
        String msg = error("--class", "M", app.toString());
        assertTrue(msg.contains("hadoop.master") && msg.contains(CommandBuilder.DEFAULTS_FILE), msg);
    }

    @Test
    void driverMemoryFromConfSetsTheHeap() {
        assertTrue(build("--conf", "ember.driver.memory=512m", "--class", "M", app.toString()).contains("-Xmx512m"));
        assertTrue(error("--conf", "ember.driver.memory=huge", "--class", "M", app.toString()).contains("'huge'"));
    }

    @Test
    void mainClassComesFromTheManifestWhenNotGiven() throws IOException {
        Path withMain = home.resolve("main.jar");
        writeJar(withMain, "io.x.FromManifest");
        List<String> cmd = build(withMain.toString(), "a");
        assertEquals(List.of("io.x.FromManifest", "a"), cmd.subList(cmd.size() - 2, cmd.size()));
        String msg = error(app.toString());
        assertTrue(msg.contains("Main-Class") && msg.contains("--class"), msg);
    }

    @Test
    void missingEngineJarTellsHowToBuild() throws IOException {
        Files.delete(engine);
        String msg = error("--class", "M", app.toString());
        assertTrue(msg.contains(engine.toString()) && msg.contains("mvn -q -DskipTests package"), msg);
        env.remove("EMBER_HOME");
        assertTrue(error("--class", "M", app.toString()).contains("EMBER_HOME"));
    }

    @Test
    void engineJarFromEnvironmentWins() throws IOException {
        Path other = home.resolve("other-engine.jar");
        Files.write(other, new byte[0]);
        env.put("EMBER_ENGINE_JAR", other.toString());
        assertEquals(other + java.io.File.pathSeparator + app, build("--class", "M", app.toString()).get(3));
        env.put("EMBER_ENGINE_JAR", home.resolve("nope.jar").toString());
        String msg = error("--class", "M", app.toString());
        assertTrue(msg.contains("nope.jar") && msg.contains("EMBER_ENGINE_JAR"), msg);
    }

    @Test
    void missingApplicationJarIsNamed() {
        assertTrue(error("--class", "M", "missing.jar").contains("Application jar not found: missing.jar"));
    }

    @Test
    void pythonCommandPassesSettingsThroughTheEnvironment() throws IOException {
        Path script = home.resolve("job.py");
        Files.writeString(script, "print(1)\n");
        Files.createDirectories(home.resolve("python/ember"));
        env.put("PYTHONPATH", "/extra");
        List<String> cmd = build("--master", "local[2]", "--name", "job", "--conf", "ember.k=v", "--py-files", "a.py",
                script.toString(), "x");
        assertEquals(List.of("env",
                "EMBER_SUBMIT_ARGS=ember.master=local[2]\nember.k=v\nember.app.name=job\nember.files=" + script
                        + "\nember.submit.pyFiles=a.py\n",
                "EMBER_MASTER=local[2]", "EMBER_APP_NAME=job", "EMBER_ENGINE_JAR=" + engine,
                "PYTHONPATH=" + home.resolve("python") + java.io.File.pathSeparator + "/extra",
                "python3", script.toString(), "x"), cmd);
        env.put("PYSPARK_PYTHON", "/usr/bin/python3.11");
        env.put("EMBER_ENGINE_JAR", engine.toString());
        cmd = build(script.toString());
        assertTrue(cmd.contains("/usr/bin/python3.11"), cmd.toString());
        assertFalse(cmd.stream().anyMatch(s -> s.startsWith("EMBER_ENGINE_JAR=")), "an inherited variable is kept");
        assertTrue(error("missing.py").contains("Application script not found: missing.py"));
    }

    @Test
    void submitArgsEncodingIsOneKeyValuePerLine() {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("ember.a", "1");
        conf.put("ember.b", "x=y");
        assertEquals("ember.a=1\nember.b=x=y\n", CommandBuilder.encodeSubmitArgs(conf));
        assertTrue(error("--conf", "ember.a=line1\nline2", "--class", "M", app.toString()).contains("one line"));
    }
}
