package io.aclgraph4j;

import java.util.Arrays;

/**
 * A typed, shaped view of device memory ({@code aclTensor}): shape and strides in elements, an
 * element offset into its buffer. A tensor made by {@link Device#tensor} owns its buffer and
 * closes it with itself; a view made by {@link DeviceBuffer#view} leaves the buffer to its owner.
 */
public final class Tensor extends NativeObject implements Memory {
    /** Most dimensions an aclnn operator accepts. */
    public static final int MAX_RANK = 8;

    private final DeviceBuffer storage;
    private final DataType dataType;
    private final long[] shape;
    private final long[] strides;
    private final long offset;
    private final boolean ownsStorage;
    private final boolean contiguous; // fixed at creation; every copy and fill asks

    Tensor(DeviceBuffer storage, long handle, DataType dataType, long[] shape, long[] strides, long offset,
           boolean ownsStorage) {
        super(storage.runtime, storage.device().owned(), handle,
                numbered(storage.runtime, "Tensor", dataType + Arrays.toString(shape) + " on device "
                        + storage.device().id()));
        this.storage = storage;
        this.dataType = dataType;
        this.shape = shape;
        this.strides = strides == null ? contiguousStrides(shape) : strides;
        this.offset = offset;
        this.ownsStorage = ownsStorage;
        this.contiguous = Arrays.equals(this.strides, contiguousStrides(shape)) || atMostOneElement(shape);
    }

    /**
     * The element type.
     *
     * @return the tensor's data type
     */
    public DataType dataType() {
        return dataType;
    }

    /**
     * The shape (a copy).
     *
     * @return the size of each dimension, in elements
     */
    public long[] shape() {
        return shape.clone();
    }

    /**
     * Strides in elements (a copy).
     *
     * @return the step of each dimension, in elements
     */
    public long[] strides() {
        return strides.clone();
    }

    /**
     * Offset in elements from the start of the buffer.
     *
     * @return the first element's position in its buffer, in elements
     */
    public long offset() {
        return offset;
    }

    /**
     * The number of dimensions.
     *
     * @return the shape's length, 0 to {@link #MAX_RANK}
     */
    public int rank() {
        return shape.length;
    }

    /**
     * The number of elements.
     *
     * @return the product of the shape's sizes
     */
    public long elementCount() {
        long count = 1;
        for (long dim : shape) {
            count *= dim; // the shim refused shapes whose count overflows
        }
        return count;
    }

    /** Bytes of the elements (a contiguous tensor's footprint). */
    @Override
    public long byteSize() {
        return elementCount() * dataType.byteSize();
    }

    @Override
    public Device device() {
        return storage.device();
    }

    /**
     * The buffer this tensor views.
     *
     * @return the device buffer holding the elements
     */
    public DeviceBuffer storage() {
        return storage;
    }

    /**
     * Row-major without gaps: copies can treat it as plain bytes.
     *
     * @return true when the strides are the shape's row-major strides
     */
    public boolean isContiguous() {
        return contiguous;
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            if (ownsStorage) {
                storage.close();
            }
        }
    }

    /**
     * Whether two of this view's elements share memory (a stride of 0 over a dimension longer than
     * 1, or strides that make dimensions interleave): such a view can be read, never written.
     *
     * @return true when some element is reachable through two indices
     */
    public boolean hasOverlappingElements() {
        int rank = shape.length;
        Integer[] order = new Integer[rank];
        for (int i = 0; i < rank; i++) {
            order[i] = i;
        }
        for (long extent : shape) {
            if (extent == 0) {
                return false; // no element at all
            }
        }
        // Innermost first: each dimension must step past everything the inner ones span.
        Arrays.sort(order, (a, b) -> Long.compare(Math.abs(strides[a]), Math.abs(strides[b])));
        long span = 0; // elements spanned by the inner dimensions, minus one
        for (int i : order) {
            if (shape[i] == 1) {
                continue;
            }
            long stride = Math.abs(strides[i]);
            if (stride <= span) {
                return true;
            }
            span += stride * (shape[i] - 1);
        }
        return false;
    }

    /** Whether the shape holds 0 or 1 elements (then any strides address it without gaps). */
    private static boolean atMostOneElement(long[] shape) {
        boolean allOne = true;
        for (long dim : shape) {
            if (dim == 0) {
                return true;
            }
            allOne &= dim == 1;
        }
        return allOne;
    }

    static long[] contiguousStrides(long[] shape) {
        long[] strides = new long[shape.length];
        long running = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = running;
            running *= Math.max(shape[i], 1);
        }
        return strides;
    }

    /** A copy of {@code shape}, refused when null; its values are the shim's to check. */
    static long[] requireShape(String operation, long[] shape) {
        if (shape == null) {
            throw InvalidArgumentException.refused(operation, "shape is null");
        }
        return shape.clone();
    }
}
