package io.ember.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.rdd.RDD;
import io.ember.rdd.TaskFunction;
import io.ember.shuffle.MapOutputTracker;
import io.ember.storage.StorageLevel;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Tasks prefer the executor holding their cached partition, and wait for it only briefly. */
class LocalityTest {
    @Test
    void tasksOfACachedRddPreferTheExecutorHoldingTheBlock() {
        TestingTaskScheduler tasks = new TestingTaskScheduler();
        TestingRDD rdd = new TestingRDD(new io.ember.rdd.TestingIdContext(), 2, List.of());
        rdd.persist(StorageLevel.MEMORY_ONLY);
        DAGScheduler dag = new DAGScheduler(tasks, new MapOutputTracker(), new ListenerBus(), new HashMap<>(), 4,
                (rddId, partition) -> rddId == rdd.id() && partition == 1 ? List.of("exec-7") : List.of());
        TaskFunction<Object, Object> f = (ctx, it) -> 1;
        dag.submitJob((RDD<?>) rdd, f, new int[] {0, 1}, (i, r) -> {}, new Properties());
        dag.drainEvents();
        List<Task> set = tasks.last().tasks();
        assertEquals(List.of(), set.get(0).preferredLocations());
        assertEquals(List.of("exec-7"), set.get(1).preferredLocations());
    }

    @Test
    void delaySchedulingWaitsForTheLocalExecutorThenRunsAnywhere() {
        TestingRDD.P p = new TestingRDD.P(0);
        Task local = new ResultTask(0, 0, 0, p, 0, new byte[0], new Properties(), List.of("exec-1"));
        TaskSetManager m = new TaskSetManager(new TaskSet(List.of(local), 0, 0, 0, new Properties()), 4, 100, 1000);
        assertEquals(-1, m.pickTask("exec-2", "host-2", 1050), "waits for exec-1 within the locality wait");
        assertEquals(0, m.pickTask("exec-2", "host-2", 1100), "runs elsewhere after the wait");
        TaskSetManager m2 = new TaskSetManager(new TaskSet(List.of(local), 0, 0, 0, new Properties()), 4, 100, 1000);
        assertEquals(0, m2.pickTask("exec-1", "host-1", 1001), "the preferred executor gets it at once");
    }
}
