package io.ember.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.EmberException;
import org.junit.jupiter.api.Test;

class MasterUrlTest {
    @Test
    void parsesLocalModes() {
        assertEquals(new MasterUrl(1, -1), MasterUrl.parse("local"));
        assertEquals(new MasterUrl(3, -1), MasterUrl.parse("local[3]"));
        assertEquals(new MasterUrl(2, 5), MasterUrl.parse("local[2, 5]"));
        assertTrue(MasterUrl.parse("local[*]").isLocal());
    }

    @Test
    void parsesStandaloneAndLocalCluster() {
        MasterUrl s = MasterUrl.parse("ember://node-1.example:7077");
        assertEquals(MasterUrl.Kind.STANDALONE, s.kind());
        assertEquals("node-1.example", s.host());
        assertEquals(7077, s.port());
        assertEquals("ember://node-1.example:7077", s.toString());
        MasterUrl c = MasterUrl.parse("local-cluster[2, 1, 512]");
        assertEquals(MasterUrl.Kind.LOCAL_CLUSTER, c.kind());
        assertEquals(2, c.workers());
        assertEquals(1, c.coresPerWorker());
        assertEquals(512, c.memoryPerWorkerMb());
        assertEquals("local-cluster[2,1,512]", c.toString());
    }

    @Test
    void localSlotsCountOnlyThisMachinesSlots() {
        assertEquals(1, MasterUrl.parse("local").localSlots());
        assertEquals(3, MasterUrl.parse("local[3]").localSlots());
        assertEquals(4, MasterUrl.parse("local[4,2]").localSlots());
        assertEquals(Runtime.getRuntime().availableProcessors(), MasterUrl.parse("local[*]").localSlots());
        assertEquals(6, MasterUrl.parse("local-cluster[2,3,1024]").localSlots());
        assertEquals(0, MasterUrl.parse("ember://10.0.0.1:7077").localSlots());
    }

    @Test
    void badUrlsAreNamedInTheError() {
        for (String bad : new String[] {"spark://h:7077", "ember://h", "ember://h:0", "ember://h:70000", "ember://h:x",
                "local-cluster[2,1]", "local-cluster[0,1,512]", "yarn", ""}) {
            EmberException e = assertThrows(EmberException.class, () -> MasterUrl.parse(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertTrue(assertThrows(EmberException.class, () -> MasterUrl.parse("spark://h:7077")).getMessage()
                .contains("unknown scheme 'spark'"));
        assertTrue(assertThrows(EmberException.class, () -> MasterUrl.parse("ember://h:70000")).getMessage()
                .contains("port"));
        assertThrows(EmberException.class, () -> MasterUrl.parseStandalone("local[2]"));
    }
}
