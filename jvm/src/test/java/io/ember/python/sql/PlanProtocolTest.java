package io.ember.python.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Java and Python declarations of the plan protocol's names agree, name for name. */
class PlanProtocolTest {
    @Test
    void everyPythonNameHasTheSameJavaValue() throws IOException, IllegalAccessException {
        Path py = Path.of("../python/ember/sql/plan_protocol.py");
        Pattern constant = Pattern.compile("^([A-Z][A-Z_]*) = \"([^\"]*)\"$");
        Map<String, String> python = new TreeMap<>();
        for (String line : Files.readAllLines(py)) {
            Matcher m = constant.matcher(line);
            if (m.matches()) {
                python.put(m.group(1), m.group(2));
            }
        }
        Map<String, String> java = new TreeMap<>();
        for (Field f : PlanProtocol.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                java.put(f.getName(), (String) f.get(null));
            }
        }
        assertTrue(python.size() > 30, "parsed " + python);
        for (Map.Entry<String, String> e : python.entrySet()) {
            assertEquals(e.getValue(), java.get(e.getKey()), e.getKey());
        }
    }
}
