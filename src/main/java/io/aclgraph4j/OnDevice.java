package io.aclgraph4j;

/**
 * A native object made on a device and owned by it: streams, events, buffers, models and task
 * groups. Closing the device closes it.
 */
abstract class OnDevice extends NativeObject {
    final Device device;

    /** Numbered per kind within the runtime: "{@code kind}#3 {@code detail}". */
    OnDevice(Device device, long handle, String kind, String detail, boolean guardAccess) {
        super(device.runtime, device.owned(), handle, numbered(device.runtime, kind, detail), guardAccess);
        this.device = device;
    }

    /**
     * The device this object was made on; only that device's streams may use it.
     *
     * @return its device
     */
    public Device device() {
        return device;
    }
}
