package io.aclgraph4j;

import io.aclgraph4j.internal.JavaCppNativeApi;
import io.aclgraph4j.internal.NativeApi;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The entry point: an open ACL runtime on one backend, owner of the devices and scalars made from
 * it. Closing it closes everything it still owns (waiting for work in flight) and finalizes ACL
 * once the last open runtime closes.
 *
 * <pre>{@code
 * try (AclRuntime runtime = AclRuntime.open();          // the simulator unless configured
 *      Device device = runtime.device(0);
 *      Stream stream = device.createStream()) { ... }
 * }</pre>
 *
 * <p>Backend choice: {@link #open()} reads the system property {@code aclgraph4j.backend}, else the
 * environment variable {@code ACLGRAPH4J_BACKEND}, else uses {@code sim}. Values: {@code sim} (the
 * bundled CPU simulator), {@code cann} (the CANN toolkit's libraries, found through
 * {@code ASCEND_HOME_PATH} or the library path), {@code auto} ({@code cann} when
 * {@code ASCEND_HOME_PATH} is set, else {@code sim}), or a {@code ':'}-separated list of library
 * paths.
 */
public final class AclRuntime implements AutoCloseable {
    /** System property naming the backend. */
    public static final String BACKEND_PROPERTY = "aclgraph4j.backend";
    /** Environment variable naming the backend when the property is not set. */
    public static final String BACKEND_ENVIRONMENT = "ACLGRAPH4J_BACKEND";
    /** System property that records where each native object was created, for leak reports. */
    public static final String LEAK_TRACKING_PROPERTY = "aclgraph4j.leakTracking";

    static final System.Logger LOG = System.getLogger("io.aclgraph4j");

    private final NativeApi api;
    private final String backend;
    /** The open Java objects by native handle, to name them in {@link #liveObjects()}. */
    private final Map<Long, NativeHandle> registry = new ConcurrentHashMap<>();
    /** How many objects of each kind were made, to number them ("Stream#3"). */
    private final Map<String, AtomicLong> numbers = new ConcurrentHashMap<>();
    /** The backend's features, read once at open (a backend does not change while open). */
    private final Set<Feature> features;
    /** Callbacks waiting for their models' native destruction. */
    private final DestroyNotices destroyNotices;
    private final Owner owned;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final boolean leakTracking;
    /** Whether simulator faults may be armed (an injected out-of-memory is not retried). */
    private volatile boolean faultsInjected;
    /** Views of host memory that keep the native runtime open; guarded by this. */
    private int pins;
    /** Whether close() waits for the last pin to close the native runtime; guarded by this. */
    private boolean nativeCloseWaitsForPins;
    /** Whether the native runtime was closed; guarded by this. */
    private boolean nativeClosed;

    private AclRuntime(NativeApi api, String backend, Set<Feature> features) {
        this.api = api;
        this.backend = backend;
        this.features = features;
        this.destroyNotices = new DestroyNotices(api);
        this.owned = new Owner("AclRuntime(" + backend + ")");
        this.leakTracking = Boolean.getBoolean(LEAK_TRACKING_PROPERTY);
    }

    /**
     * Opens the configured backend (the simulator unless configured otherwise).
     *
     * @return the open runtime; close it when done
     * @throws BackendUnavailableException if the native libraries or the backend cannot be loaded
     */
    public static AclRuntime open() {
        return open(configuredBackend());
    }

    /**
     * Opens a named backend: {@code sim}, {@code cann}, {@code auto} or a list of library paths.
     *
     * @param backend the backend's name, or {@code ':'}-separated library paths
     * @return the open runtime; close it when done
     * @throws BackendUnavailableException if the native libraries or the backend cannot be loaded
     */
    public static AclRuntime open(String backend) {
        return open(JavaCppNativeApi.load(), backend);
    }

    /** Opens a runtime over any native layer (tests pass a mock). */
    static AclRuntime open(NativeApi api, String backend) {
        Objects.requireNonNull(api, "api");
        String resolved = resolveBackend(Objects.requireNonNull(backend, "backend"));
        api.runtimeOpen("AclRuntime.open", resolved);
        Set<Feature> features;
        try {
            features = features(api.runtimeFeatures("AclRuntime.open"));
        } catch (RuntimeException e) {
            api.runtimeClose("AclRuntime.open");
            throw e;
        }
        AclRuntime runtime = new AclRuntime(api, resolved, features);
        LOG.log(Level.DEBUG, () -> "aclgraph4j: opened backend " + resolved + " (" + api.backendDescription()
                + "); features " + features + ", lacking " + java.util.Arrays.stream(Feature.values())
                .filter(f -> !features.contains(f)).toList());
        return runtime;
    }

    /** The features whose bits are set in the native layer's feature set. */
    static Set<Feature> features(long bits) {
        EnumSet<Feature> features = EnumSet.noneOf(Feature.class);
        for (Feature feature : Feature.values()) {
            if ((bits & (1L << feature.bit())) != 0) {
                features.add(feature);
            }
        }
        return Collections.unmodifiableSet(features);
    }

    static String configuredBackend() {
        String backend = System.getProperty(BACKEND_PROPERTY);
        if (backend == null || backend.isBlank()) {
            backend = System.getenv(BACKEND_ENVIRONMENT);
        }
        return backend == null || backend.isBlank() ? "sim" : backend.trim();
    }

    static String resolveBackend(String backend) {
        if (backend.isBlank()) {
            throw InvalidArgumentException.refused("AclRuntime.open",
                    "the backend name is empty: use sim, cann, auto or a list of library paths");
        }
        if (backend.equals("auto")) {
            String home = System.getenv("ASCEND_HOME_PATH");
            return home == null || home.isBlank() ? "sim" : "cann";
        }
        if (!backend.equals("sim") && !backend.equals("cann")) {
            for (String library : backend.split(":")) {
                boolean path = library.contains("/");
                if (!path && !library.contains(".so") || path && !java.nio.file.Files.exists(Path.of(library))) {
                    String reason = "unknown backend '" + backend + "': "
                            + (path ? library + " does not exist" : "it is neither sim, cann nor auto, nor a library")
                            + ". Choose sim (the bundled simulator), cann (the CANN toolkit, found through "
                            + "ASCEND_HOME_PATH), auto (cann when ASCEND_HOME_PATH is set, else sim) or a "
                            + "':'-separated list of library paths";
                    throw new BackendUnavailableException(-3, "AclRuntime.open", reason, reason, null);
                }
            }
        }
        return backend;
    }

    boolean faultsInjected() {
        return faultsInjected;
    }

    void faultsInjected(boolean armed) {
        faultsInjected = armed;
    }

    NativeApi api() {
        return api;
    }

    boolean leakTracking() {
        return leakTracking;
    }

    Map<Long, NativeHandle> registry() {
        return registry;
    }

    DestroyNotices destroyNotices() {
        return destroyNotices;
    }

    long nextNumber(String kind) {
        return numbers.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    /**
     * What the loaded backend supports beyond the basics (capture and replay): each feature's ACL
     * functions were all found in its libraries. The simulator has those whose functions it
     * implements; an older CANN toolkit lacks those its release predates
     * ({@link Feature#cannRelease()}).
     *
     * @return the features present, read when the runtime opened
     */
    public Set<Feature> features() {
        checkOpen();
        return features;
    }

    /**
     * Whether the loaded backend supports {@code feature}.
     *
     * @param feature the feature
     * @return true when every ACL function it needs is there
     */
    public boolean supports(Feature feature) {
        Objects.requireNonNull(feature, "AclRuntime.supports: feature is null");
        return features.contains(feature);
    }

    /** Throws FeatureUnavailableException, naming {@code operation}, when the backend lacks {@code feature}. */
    void require(Feature feature, String operation) {
        if (!features.contains(feature)) {
            String description;
            try {
                description = api.backendDescription();
            } catch (RuntimeException e) {
                description = backend;
            }
            throw new FeatureUnavailableException(operation, feature, description.isEmpty() ? backend : description);
        }
    }

    /** The owner of devices and scalars; it refuses new objects once this runtime closes. */
    Owner owner() {
        return owned;
    }

    void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("AclRuntime(" + backend + ") is closed");
        }
    }

    /**
     * The backend in use, the versions it reports and the libraries it was loaded from.
     *
     * @return a description such as
     *     {@code "cann (ACL 1.17, runtime 9.2.0; /usr/local/Ascend/cann/lib64/libascendcl.so, ...)"}
     */
    public String backend() {
        checkOpen();
        return api.backendDescription();
    }

    /**
     * Whether this runtime runs on the bundled simulator.
     *
     * @return true for the {@code sim} backend
     */
    public boolean isSimulator() {
        return backend.equals("sim");
    }

    /**
     * Number of devices the backend offers.
     *
     * @return the device count, as {@code aclrtGetDeviceCount} reports it
     */
    public int deviceCount() {
        checkOpen();
        return api.deviceCount("AclRuntime.deviceCount");
    }

    /**
     * Opens device {@code id} (0-based) for use from any thread.
     *
     * @param id the device's index, from 0 to {@link #deviceCount()} - 1
     * @return the open device, owned by this runtime
     */
    public Device device(int id) {
        checkOpen();
        if (id < 0) {
            throw InvalidArgumentException.refused("AclRuntime.device", "device id must not be negative, not " + id);
        }
        return new Device(this, api.deviceOpen("AclRuntime.device", id), id);
    }

    /**
     * A scalar of a floating-point (or complex, real part) data type, or of an integer type from a
     * whole number. Refused: a value the type cannot hold (out of an integer type's range, not a
     * whole number for an integer type, or a finite value that would overflow to infinity).
     *
     * @param dataType the scalar's type
     * @param value its value
     * @return the scalar, owned by this runtime
     */
    public Scalar scalar(DataType dataType, double value) {
        checkOpen();
        Objects.requireNonNull(dataType, "dataType");
        return new Scalar(this, api.scalarCreateDouble("AclRuntime.scalar", dataType.code(), value), dataType,
                Double.toString(value));
    }

    /**
     * A scalar of an integer or bool data type (or a floating one, converted). Refused: a value out
     * of the integer type's range (UINT64 takes 0..Long.MAX_VALUE); for BOOL any nonzero value is
     * true.
     *
     * @param dataType the scalar's type
     * @param value its value
     * @return the scalar, owned by this runtime
     */
    public Scalar scalar(DataType dataType, long value) {
        checkOpen();
        Objects.requireNonNull(dataType, "dataType");
        return new Scalar(this, api.scalarCreateLong("AclRuntime.scalar", dataType.code(), value), dataType,
                Long.toString(value));
    }

    /**
     * Switches the calling thread's capture mode until the returned scope closes, as
     * {@code aclmdlRICaptureThreadExchangeMode}. Typical use: RELAXED around a synchronous copy
     * made while a GLOBAL capture is active.
     *
     * @param mode the mode for the calling thread while the scope is open
     * @return the scope; closing it restores the thread's previous mode
     */
    public CaptureModeScope captureMode(CaptureMode mode) {
        checkOpen();
        Objects.requireNonNull(mode, "mode");
        return new CaptureModeScope(api, mode);
    }

    /**
     * Number of live native objects of every kind (those kept by models included).
     *
     * @return the count of native objects not yet released
     */
    public long liveObjectCount() {
        return api.liveCount(0);
    }

    /**
     * One line per live native object: the Java object's name ({@code Stream#3 on device 0}; or
     * that it was closed in Java and is kept natively, by a model or work in flight), its kind,
     * what the native layer knows of it (data types, shapes and operators by name) and how many
     * holders keep it.
     *
     * @return the report, empty when nothing is live
     */
    public String liveObjects() {
        StringBuilder text = new StringBuilder();
        for (LiveObject object : liveObjectList()) {
            text.append(object).append('\n');
        }
        return text.toString();
    }

    /**
     * Every live native object, as {@link #liveObjects()} lists them.
     *
     * @return the objects, oldest native handle first
     */
    public List<LiveObject> liveObjectList() {
        List<LiveObject> objects = new ArrayList<>();
        for (String line : api.liveReport().split("\n")) {
            // "<handle> <kind> refs=<n> <details>"
            String[] fields = line.split(" ", 4);
            if (fields.length < 3 || !fields[2].startsWith("refs=")) {
                continue;
            }
            long handle;
            long references;
            try {
                handle = Long.parseLong(fields[0]);
                references = Long.parseLong(fields[2].substring("refs=".length()));
            } catch (NumberFormatException e) {
                continue;
            }
            NativeHandle open = registry.get(handle);
            String name = open == null || open.isReleased() ? null : open.description();
            objects.add(new LiveObject(name, fields[1], references, fields.length > 3 ? fields[3] : ""));
        }
        return objects;
    }

    /**
     * Fault injection of the simulator backend (for tests of failure paths).
     *
     * @return the simulator's fault controls
     * @throws IllegalStateException on another backend
     */
    public Simulator simulator() {
        checkOpen();
        if (!isSimulator()) {
            throw new IllegalStateException("fault injection needs the simulator backend, not " + backend);
        }
        return new Simulator(this, api);
    }

    /** Keeps the native runtime open until {@link #unpin()}; false once it is closed natively. */
    synchronized boolean pin() {
        if (nativeClosed) {
            return false;
        }
        pins++;
        return true;
    }

    /** Drops a pin; the last one closes the native runtime if {@link #close()} waited for it. */
    void unpin() {
        synchronized (this) {
            if (--pins > 0 || !nativeCloseWaitsForPins) {
                return;
            }
            nativeCloseWaitsForPins = false;
            nativeClosed = true;
        }
        api.runtimeClose("AclRuntime.close");
        destroyNotices.run("AclRuntime.close");
    }

    /**
     * Closes every object this runtime still owns, then drops this runtime's reference to ACL.
     * While a view of a {@link HostBuffer} of this runtime is still reachable, that last step waits
     * until the view is garbage collected (the view's memory stays valid meanwhile); this object is
     * closed either way.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            owned.releaseAll(" (closed with its runtime)");
        } finally {
            boolean closeNow;
            synchronized (this) {
                closeNow = pins == 0;
                nativeClosed = closeNow;
                nativeCloseWaitsForPins = !closeNow;
            }
            if (closeNow) {
                api.runtimeClose("AclRuntime.close");
                destroyNotices.run("AclRuntime.close"); // the close destroyed every model left
            }
            LOG.log(Level.DEBUG, () -> "aclgraph4j: closed " + this);
        }
    }

    @Override
    public String toString() {
        return "AclRuntime(" + backend + (closed.get() ? ", closed)" : ")");
    }
}
