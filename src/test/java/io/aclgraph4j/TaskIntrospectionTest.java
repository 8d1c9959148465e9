package io.aclgraph4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aclgraph4j.internal.NativeApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

/**
 * {@link Model#tasks()} follows the backend's own listing where it has one
 * ({@link Feature#TASK_INTROSPECTION}), labelled with the capture's record, and is the record
 * otherwise; the merge of the two ({@link TaskListing}).
 */
@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class TaskIntrospectionTest {
    private static final long MODEL = MockedNative.MODEL;
    private static final long EVENT = 44;

    @Mock
    NativeApi api;

    /** A model whose capture recorded one event record, on a backend with the features `bits`. */
    private Model capturedRecord(long bits, Event[] event) {
        when(api.runtimeFeatures("AclRuntime.open")).thenReturn(bits);
        when(api.backendDescription()).thenReturn("cann (/usr/local/Ascend/lib64/libascendcl.so)");
        when(api.eventCreate(anyString(), anyLong(), anyInt())).thenReturn(EVENT);
        when(api.captureEnd(anyString(), eq(MockedNative.STREAM))).thenReturn(MODEL);
        Stream stream = MockedNative.openStream(api);
        Device device = stream.device();
        event[0] = device.createEvent();
        try (Capture capture = stream.beginCapture(CaptureMode.GLOBAL)) {
            event[0].record(stream);
            return capture.end();
        }
    }

    @Test
    void withTheFeatureTheTasksAreTheBackendsLabelledByTheRecord() {
        Event[] event = new Event[1];
        Model model = capturedRecord(1L << Feature.TASK_INTROSPECTION.bit(), event);
        // One model stream: a DEFAULT task, the event record, a kernel this SDK did not launch.
        when(api.modelTasks("Model.tasks", MODEL)).thenReturn(new int[] {3, 0, 0, 2, 1, 1, 2});
        List<ModelTask> tasks = model.tasks();
        verify(api).modelTasks("Model.tasks", MODEL);
        assertEquals(List.of(new ModelTask(0, 0, 0, ModelTask.Type.OTHER, "DEFAULT", List.of(), null, -1, -1, -1),
                new ModelTask(1, 0, 1, ModelTask.Type.EVENT_RECORD, "record", List.of(), event[0].describe(), -1, -1,
                        -1),
                new ModelTask(2, 0, 2, ModelTask.Type.OTHER, "KERNEL", List.of(), null, -1, -1, -1)), tasks);
        assertEquals(model.describe() + ", 1 task on 1 stream", model.toString(), "toString counts the record");
        model.runtime.close();
    }

    @Test
    void withoutTheFeatureTheTasksAreTheRecordAndTheBackendIsNotAsked() {
        Event[] event = new Event[1];
        Model model = capturedRecord(1L << Feature.TASK_GROUPS.bit(), event);
        assertEquals(List.of(new ModelTask(0, 0, 0, ModelTask.Type.EVENT_RECORD, "record", List.of(),
                event[0].describe(), -1, -1, -1)), model.tasks());
        model.toDot();
        model.debugPrint();
        verify(api, never()).modelTasks(anyString(), anyLong());
        model.runtime.close();
    }

    private static ModelTask recorded(int index, int stream, int position, ModelTask.Type type, String name,
                                      int group) {
        return recorded(index, stream, position, type, name, group, -1, -1);
    }

    private static ModelTask recorded(int index, int stream, int position, ModelTask.Type type, String name,
                                      int group, int condition, int body) {
        List<ModelTask.Operand> operands = type == ModelTask.Type.KERNEL
                ? List.of(new ModelTask.Operand(DataType.FLOAT, List.of(2L), null)) : List.of();
        return new ModelTask(index, stream, position, type, name, operands, null, group, condition, body);
    }

    private static List<ModelTask> merge(int[] listing, List<ModelTask> record, Map<Integer, List<Integer>> begins) {
        return TaskListing.merge(listing, new CapturedGraph.Snapshot(record, begins));
    }

    /** "stream:position TYPE name", and " in tC/B" for a body's task. */
    private static List<String> described(List<ModelTask> tasks) {
        return tasks.stream().map(t -> t.stream() + ":" + t.position() + " " + t.type() + " " + t.name()
                + (t.inBody() ? " in t" + t.condition() + "/" + t.body() : "")).toList();
    }

    @Test
    void theMergeFollowsTheBackendsOrderAndMatchesKindsStreamByStream() {
        // Recorded: s0 copy, s1 fill, s0 kernel (group 0, begun after the copy), s1 kernel.
        List<ModelTask> record = List.of(recorded(0, 0, 0, ModelTask.Type.COPY, "8 bytes host to device", -1),
                recorded(1, 1, 0, ModelTask.Type.FILL, "8 bytes of device with 0", -1),
                recorded(2, 0, 1, ModelTask.Type.KERNEL, "add", 0),
                recorded(3, 1, 1, ModelTask.Type.KERNEL, "mul", -1));
        // Backend: s0 = copy (seq 0), NOP (seq 2), kernel (seq 3); s1 = fill (seq 1), kernel (seq 4).
        int[] listing = {3, 0, 0, 0, 2, 1, 3, 2, 0, 1, 1, 4};
        List<ModelTask> merged = merge(listing, record, Map.of(0, List.of(1)));
        assertEquals(List.of(ModelTask.Type.COPY, ModelTask.Type.FILL, ModelTask.Type.OTHER, ModelTask.Type.KERNEL,
                ModelTask.Type.KERNEL), merged.stream().map(ModelTask::type).toList(), merged::toString);
        assertEquals(List.of(0, 1, 2, 3, 4), merged.stream().map(ModelTask::index).toList());
        assertEquals(List.of(0, 1, 0, 0, 1), merged.stream().map(ModelTask::stream).toList());
        assertEquals(List.of(0, 0, 1, 2, 1), merged.stream().map(ModelTask::position).toList());
        assertEquals("add", merged.get(3).name());
        assertEquals(0, merged.get(3).group());
        assertEquals(record.get(2).operands(), merged.get(3).operands());
        assertEquals("mul", merged.get(4).name());
        assertEquals("DEFAULT", merged.get(2).name());
        // A typed task the record does not have at that point stays unlabelled; an unknown type is named.
        List<ModelTask> other = merge(new int[] {2, 4, 0, 9, 1}, record, Map.of());
        assertEquals(List.of("EVENT_RESET", "type 9"), other.stream().map(ModelTask::name).toList());
        assertEquals(List.of(), merge(new int[0], record, Map.of()));
        assertThrows(IllegalStateException.class, () -> merge(new int[] {2, 1, 0}, record, Map.of()));
    }

    @Test
    void theNopsOfATaskGroupAreNotTakenForTheCopyAfterIt() {
        // s0: kernel, an empty task group (2 NOPs on the device), copy, IF (bodies: a kernel | a fill), fill.
        List<ModelTask> record = List.of(recorded(0, 0, 0, ModelTask.Type.KERNEL, "add", -1),
                recorded(1, 0, 1, ModelTask.Type.COPY, "8 bytes host to device", -1),
                recorded(2, 0, 2, ModelTask.Type.CONDITION, "IF on Condition#1 with 2 bodies", -1),
                recorded(3, 0, 0, ModelTask.Type.KERNEL, "mul", -1, 2, 0),
                recorded(4, 0, 0, ModelTask.Type.FILL, "4 bytes of device with 0", -1, 2, 1),
                recorded(5, 0, 3, ModelTask.Type.FILL, "8 bytes of device with 1", -1));
        // Backend: KERNEL, DEFAULT x 5 (2 NOPs, copy, IF, fill), in capture order.
        int[] listing = {6, 1, 0, 0, 1, 0, 2, 0, 3, 0, 6, 0, 7};
        List<ModelTask> merged = merge(listing, record, Map.of(0, List.of(1)));
        assertEquals(List.of("0:0 KERNEL add", "0:1 OTHER DEFAULT", "0:2 OTHER DEFAULT",
                "0:3 COPY 8 bytes host to device", "0:4 CONDITION IF on Condition#1 with 2 bodies",
                "0:0 KERNEL mul in t4/0", "0:0 FILL 4 bytes of device with 0 in t4/1",
                "0:5 FILL 8 bytes of device with 1"), described(merged));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), merged.stream().map(ModelTask::index).toList());
        // Two groups begun in one stretch share the surplus; a surplus no group beginning explains is
        // not guessed at (that stretch's DEFAULT tasks are OTHER), and the anchors still match.
        List<ModelTask> twoGroups = merge(new int[] {8, 1, 0, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7}, record,
                Map.of(0, List.of(1, 2)));
        assertEquals(List.of("0:0 KERNEL add", "0:1 OTHER DEFAULT", "0:2 OTHER DEFAULT",
                "0:3 COPY 8 bytes host to device", "0:4 OTHER DEFAULT", "0:5 OTHER DEFAULT",
                "0:6 CONDITION IF on Condition#1 with 2 bodies", "0:0 KERNEL mul in t6/0",
                "0:0 FILL 4 bytes of device with 0 in t6/1", "0:7 FILL 8 bytes of device with 1"),
                described(twoGroups));
        List<ModelTask> unexplained = merge(listing, record, Map.of());
        assertEquals(List.of("0:0 KERNEL add", "0:1 OTHER DEFAULT", "0:2 OTHER DEFAULT", "0:3 OTHER DEFAULT",
                "0:4 OTHER DEFAULT", "0:5 OTHER DEFAULT"), described(unexplained));
    }

    @Test
    void eventsAndValueTasksAnchorEachStreamsStretches() {
        // s0: copy, record e, value write, copy; s1: wait e, fill, kernel.
        List<ModelTask> record = List.of(recorded(0, 0, 0, ModelTask.Type.COPY, "a", -1),
                recorded(1, 0, 1, ModelTask.Type.EVENT_RECORD, "record", -1),
                recorded(2, 1, 0, ModelTask.Type.EVENT_WAIT, "wait", -1),
                recorded(3, 0, 2, ModelTask.Type.VALUE_WRITE, "write 1", -1),
                recorded(4, 1, 1, ModelTask.Type.FILL, "f", -1),
                recorded(5, 0, 3, ModelTask.Type.COPY, "b", -1),
                recorded(6, 1, 2, ModelTask.Type.KERNEL, "add", -1));
        // The backend puts a runtime EVENT_RESET after the wait (seq 3), and lists s1 first.
        int[] listing = {4, 3, 2, 4, 3, 0, 5, 1, 7, 4, 0, 0, 2, 1, 5, 4, 0, 6};
        assertEquals(List.of("1:0 COPY a", "1:1 EVENT_RECORD record", "0:0 EVENT_WAIT wait", "0:1 OTHER EVENT_RESET",
                "1:2 VALUE_WRITE write 1", "0:2 FILL f", "1:3 COPY b", "0:3 KERNEL add"),
                described(merge(listing, swapStreams(record), Map.of())));
    }

    /** The record with streams 0 and 1 exchanged (the backend listing s1's tasks first). */
    private static List<ModelTask> swapStreams(List<ModelTask> record) {
        return record.stream().map(t -> new ModelTask(t.index(), 1 - t.stream(), t.position(), t.type(), t.name(),
                t.operands(), t.event(), t.group(), t.condition(), t.body())).toList();
    }
}
