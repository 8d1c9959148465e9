# The load floor of the shipped native libraries (libaclsim, libaclgraph4j_shim; the JNI glue gets
# the same flags from the pom): they must load on glibc 2.17 and need no libstdc++ newer than
# GCC 4.8's (GLIBCXX_3.4.19, CXXABI_1.3.7), although they are built with the host's GCC 12 and
# glibc 2.36. scripts/check-native-floor.sh checks every packaged library against that floor.
#
#  - portable/glibc_compat.cpp, linked into each shipped library, gives the library (its own code
#    and the libstdc++/libgcc archives in it) local definitions of the glibc functions that are newer
#    than the floor: forwarders to the oldest version of the ones glibc 2.34 re-versioned, and
#    small implementations of the ones old glibc lacks;
#  - shipped libraries link libstdc++ and libgcc statically (no GLIBCXX_/CXXABI_ need at all) and
#    export only their C APIs (portable/exports.map; --exclude-libs,ALL for the archives), so
#    they never clash with the JVM's or the application's C++ runtime.
#
# Sanitizer and fuzz builds never reach the jar and keep the toolchain's defaults.
option(ACLGRAPH4J_PORTABLE "Build the shipped libraries for the load floor (glibc 2.17, no libstdc++ versions)" ON)

set(ACLGRAPH4J_PORTABLE_ACTIVE OFF)
if(ACLGRAPH4J_PORTABLE AND ACLGRAPH4J_SANITIZE STREQUAL "" AND NOT ACLGRAPH4J_BUILD_FUZZ
   AND CMAKE_SYSTEM_NAME STREQUAL "Linux" AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  set(ACLGRAPH4J_PORTABLE_ACTIVE ON)
  set(ACLGRAPH4J_EXPORTS_MAP "${CMAKE_CURRENT_LIST_DIR}/portable/exports.map")
  set(ACLGRAPH4J_GLIBC_COMPAT_SOURCE "${CMAKE_CURRENT_LIST_DIR}/portable/glibc_compat.cpp")
endif()

# Marks a library that goes into the jar.
function(aclgraph4j_shipped_library target)
  if(NOT ACLGRAPH4J_PORTABLE_ACTIVE)
    return()
  endif()
  target_sources(${target} PRIVATE "${ACLGRAPH4J_GLIBC_COMPAT_SOURCE}")
  target_link_options(${target} PRIVATE -static-libstdc++ -static-libgcc -Wl,--exclude-libs,ALL
                      "-Wl,--version-script=${ACLGRAPH4J_EXPORTS_MAP}")
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${ACLGRAPH4J_EXPORTS_MAP}")
  # On glibc before 2.34, the pinned dl*/pthread_* symbols live in libdl and libpthread (since
  # 2.34 these are empty stubs that still exist): name them so the loader opens them.
  target_link_libraries(${target} PRIVATE -l:libdl.so.2 -l:libpthread.so.0)
endfunction()
