package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutorServicesTest {
    /** A service that records when it is closed. */
    private record Recording(String name, List<String> closed) implements AutoCloseable {
        @Override
        public void close() {
            closed.add(name);
        }
    }

    /** A second service type, failing on close. */
    private record Failing() implements AutoCloseable {
        @Override
        public void close() {
            throw new IllegalStateException("cannot close");
        }
    }

    @Test
    void createsEachServiceOnceAndClosesAllInCreationOrder() {
        List<String> closed = new ArrayList<>();
        ExecutorServices services = new ExecutorServices();
        Recording first = services.get(Recording.class, () -> new Recording("a", closed));
        assertSame(first, services.get(Recording.class, () -> new Recording("b", closed)));
        services.get(Failing.class, Failing::new);
        services.close();
        assertEquals(List.of("a"), closed, "a failing service does not stop the others from closing");
        assertThrows(IllegalStateException.class, () -> services.get(Recording.class, () -> new Recording("c", closed)));
        assertEquals(List.of("a"), closed);
    }
}
