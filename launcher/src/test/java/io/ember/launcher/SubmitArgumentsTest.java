package io.ember.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmitArgumentsTest {

    private static String error(String... args) {
        return assertThrows(SubmitException.class, () -> SubmitArguments.parse(args)).getMessage();
    }

    @Test
    void parsesEveryOptionOfAJavaApplication() {
        SubmitArguments a = SubmitArguments.parse("--master", "local[2]", "--conf", "ember.a=1", "--conf=ember.b=x=y",
                "--name", "wc", "--driver-memory", "2g", "--py-files", "a.py,b.zip", "--files", "f.txt",
                "--class", "io.x.Main", "app.jar", "in.txt", "--master", "ignored");
        assertEquals("local[2]", a.master());
        assertEquals(Map.of("ember.a", "1", "ember.b", "x=y"), a.conf());
        assertEquals(List.of("ember.a", "ember.b"), List.copyOf(a.conf().keySet()));
        assertEquals("wc", a.name());
        assertEquals("2g", a.driverMemory());
        assertEquals(List.of("a.py", "b.zip"), a.pyFiles());
        assertEquals(List.of("f.txt"), a.files());
        assertEquals("io.x.Main", a.mainClass());
        assertEquals("app.jar", a.application());
        assertFalse(a.isPython());
        assertEquals(List.of("in.txt", "--master", "ignored"), a.appArgs(), "everything after the app is the app's");
        assertFalse(a.help());
    }

    @Test
    void pythonApplicationWithDefaults() {
        SubmitArguments a = SubmitArguments.parse("job.py", "-v", "3");
        assertTrue(a.isPython());
        assertNull(a.master());
        assertNull(a.mainClass());
        assertNull(a.name());
        assertNull(a.driverMemory());
        assertTrue(a.conf().isEmpty());
        assertEquals(List.of("-v", "3"), a.appArgs());
    }

    @Test
    void laterValuesWinAndListsAccumulate() {
        SubmitArguments a = SubmitArguments.parse("--master", "local", "--master=local[4]", "--conf", "ember.k=1",
                "--conf", "ember.k=2", "--files", "a, b,", "--files", "c", "app.jar");
        assertEquals("local[4]", a.master());
        assertEquals(Map.of("ember.k", "2"), a.conf());
        assertEquals(List.of("a", "b", "c"), a.files());
    }

    @Test
    void helpNeedsNoApplication() {
        assertTrue(SubmitArguments.parse("--help").help());
        assertTrue(SubmitArguments.parse("-h").help());
        assertNull(SubmitArguments.parse("--help").application());
    }

    @Test
    void confWithoutEqualsIsNamed() {
        String msg = error("--conf", "ember.master", "app.jar");
        assertTrue(msg.contains("--conf") && msg.contains("'ember.master'") && msg.contains("KEY=VALUE"), msg);
        assertTrue(error("--conf", "=x", "app.jar").contains("'=x'"));
    }

    @Test
    void unknownOptionIsNamed() {
        String msg = error("--executor-cores", "2", "app.jar");
        assertTrue(msg.contains("Unknown option '--executor-cores'"), msg);
        assertTrue(error("--deploy-mode=cluster", "app.jar").contains("'--deploy-mode'"));
        assertTrue(error("-x", "app.jar").contains("'-x'"));
    }

    @Test
    void missingApplicationIsReported() {
        assertTrue(error().contains("Missing application"));
        assertTrue(error("--master", "local").contains("Missing application"));
    }

    @Test
    void optionWithoutValueIsNamed() {
        assertTrue(error("--master").contains("Option --master needs a value"));
        String msg = error("--class", "--master", "local", "app.jar");
        assertTrue(msg.contains("--class") && msg.contains("'--master'"), msg);
        assertTrue(error("--name", "", "app.jar").contains("--name"));
        assertTrue(error("--help=yes").contains("takes no value"));
    }

    @Test
    void badDriverMemoryIsNamed() {
        String msg = error("--driver-memory", "lots", "app.jar");
        assertTrue(msg.contains("--driver-memory") && msg.contains("'lots'"), msg);
        for (String ok : List.of("512m", "2g", "2G", "1048576", "1t")) {
            assertEquals(ok, SubmitArguments.parse("--driver-memory", ok, "app.jar").driverMemory());
        }
    }

    @Test
    void applicationMustBeAJarOrAScript() {
        String msg = error("--class", "io.x.Main", "4");
        assertTrue(msg.contains("'4'") && msg.contains(".jar"), msg);
        msg = error("--class", "io.x.Main", "job.py");
        assertTrue(msg.contains("--class io.x.Main") && msg.contains("job.py"), msg);
        assertTrue(error("--py-files", ",", "job.py").contains("--py-files"));
    }
}
