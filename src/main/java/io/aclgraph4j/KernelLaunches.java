package io.aclgraph4j;

import io.aclgraph4j.internal.NativeApi;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator launches issued to a stream while it captures a task group (counted, and issued)
 * or while it updates one (held back until the update is checked whole, so that a refused update
 * changes nothing).
 */
final class KernelLaunches {
    /**
     * One launch: the executor's handle, what its kernel takes (operator, types, shapes), and the
     * operator's name and operands as the captured graph describes them.
     */
    record Launch(long executor, String signature, boolean singleUse, String operator, Object[] operands) {}

    /**
     * Ends an update of {@code owner}'s task {@code task} (or of the whole task group when it is
     * negative) with {@code launched}: commits its flight-recorder event (described only when
     * recorded) and releases the executors of single-use launches (held only while it runs).
     */
    static void endUpdate(NativeApi api, String operation, FlightEvents.UpdateEvent event, NativeObject owner,
            int task, Stream stream, List<Launch> launched, boolean updated) {
        event.end();
        if (event.shouldCommit()) {
            event.taskGroup = task < 0 ? owner.describe() : owner.describe() + " task " + task;
            event.stream = stream.describe();
            event.kernels = launched.size();
            event.succeeded = updated;
            event.commit();
        }
        for (Launch launch : launched) {
            if (launch.singleUse()) {
                api.release(operation, launch.executor());
            }
        }
    }

    private final boolean deferred;
    private final List<Launch> launches = new ArrayList<>();

    private KernelLaunches(boolean deferred) {
        this.deferred = deferred;
    }

    /** Launches of a task group's capture: issued as they come, and remembered. */
    static KernelLaunches recording() {
        return new KernelLaunches(false);
    }

    /** Launches of a task update: remembered only, issued by the update once checked. */
    static KernelLaunches deferring() {
        return new KernelLaunches(true);
    }

    /** Whether the launch must wait for the update instead of being issued now. */
    boolean deferred() {
        return deferred;
    }

    synchronized void add(Launch launch) {
        launches.add(launch);
    }

    synchronized List<Launch> launches() {
        return List.copyOf(launches);
    }
}
