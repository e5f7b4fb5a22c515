package io.ember.scheduler;

import java.util.List;

/**
 * The task scheduler as a backend's slot source sees it: the backend offers free executor
 * slots and launches what comes back. Thread-safe; called from backend threads and timers.
 */
public interface TaskOffers {
    /** Places waiting tasks on the offered slots; the backend launches every task returned. */
    List<TaskDescription> resourceOffers(List<WorkerOffer> offers);

    /** True while some task waits for a slot (the backend keeps offering). */
    boolean hasPendingTasks();

    /** Tasks waiting for a slot plus tasks running: the slots the application could use now. */
    int demandedSlots();
}
