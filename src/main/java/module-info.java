/**
 * aclgraph4j: graph capture and replay on Huawei Ascend's ACL runtime. The API is the package
 * {@code io.aclgraph4j}; {@code io.aclgraph4j.internal} (the native binding) is not exported, and
 * is open to JavaCPP only, which loads the native libraries.
 */
module io.aclgraph4j {
    requires org.bytedeco.javacpp;
    requires jdk.jfr;

    exports io.aclgraph4j;

    opens io.aclgraph4j.internal to org.bytedeco.javacpp;
}
