package io.aclgraph4j;

/**
 * One live native object, from {@link AclRuntime#liveObjectList()}.
 *
 * @param name the Java object's name ({@code "Stream#3 on device 0"}), or null when no open Java
 *     object stands for it any more (it was closed, and a model or work in flight keeps it)
 * @param kind the native kind: {@code device}, {@code stream}, {@code tensor}, {@code model}, ...
 * @param references how many holders keep it (the Java handle, models, tasks in flight, other objects)
 * @param details what the native layer knows of it: {@code "FLOAT [4, 2]"}, {@code "aclnnAdd repeatable"}
 */
public record LiveObject(String name, String kind, long references, String details) {
    /** One line: the Java name (or that it is closed in Java), the kind, the holders, the details. */
    @Override
    public String toString() {
        return (name != null ? name : "(closed in Java, still used natively)") + ": " + kind + " " + details
                + ", " + references + (references == 1 ? " holder" : " holders");
    }
}
