package io.aclgraph4j;

/**
 * A method needs a {@link Feature} the loaded backend lacks (its CANN release is older than the
 * one that brings the feature). The message names the method, the feature's ACL functions and the
 * CANN release to install. Nothing was done.
 */
public class FeatureUnavailableException extends BackendUnavailableException {
    private static final long serialVersionUID = 1L;

    /** The feature the call needed. */
    private final Feature feature;

    FeatureUnavailableException(String operation, Feature feature, String backend) {
        super(io.aclgraph4j.internal.NativeErrors.ERR_BACKEND, operation, "", operation + " needs "
                + String.join(", ", feature.functions()) + ", which the loaded backend (" + backend + ") lacks",
                "They come with CANN " + feature.cannRelease() + ": install that release or a later one (or use "
                        + "the bundled simulator, -Daclgraph4j.backend=sim); runtime.features() lists what this "
                        + "backend supports");
        this.feature = feature;
    }

    /**
     * The missing feature.
     *
     * @return the feature the call needed
     */
    public Feature feature() {
        return feature;
    }
}
