# ACLGRAPH4J_SANITIZE selects a sanitizer build: "" (none), "address" (ASan + UBSan) or "thread"
# (TSan). Sanitized builds use their own build folder (see the Maven profiles), so sanitized
# libraries never land in the normal jar.
set(ACLGRAPH4J_SANITIZE "" CACHE STRING "Sanitizer build: '', 'address' or 'thread'")
set_property(CACHE ACLGRAPH4J_SANITIZE PROPERTY STRINGS "" address thread)

if(ACLGRAPH4J_SANITIZE STREQUAL "address")
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
elseif(ACLGRAPH4J_SANITIZE STREQUAL "thread")
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
  # GCC warns that TSan does not model atomic_thread_fence (the call gate's fallback when
  # membarrier(2) is missing, the simulator's wake-up fences); that is known — what orders data
  # between threads there is release/acquire pairs TSan does see — and must not fail a build
  # with warnings as errors.
  include(CheckCXXCompilerFlag)
  check_cxx_compiler_flag(-Wno-tsan AGJ_HAS_WNO_TSAN)
  if(AGJ_HAS_WNO_TSAN)
    add_compile_options(-Wno-tsan)
  endif()
elseif(NOT ACLGRAPH4J_SANITIZE STREQUAL "")
  message(FATAL_ERROR "ACLGRAPH4J_SANITIZE must be '', 'address' or 'thread', not '${ACLGRAPH4J_SANITIZE}'")
endif()

# ACLGRAPH4J_BUILD_FUZZ builds the libFuzzer target cpp/fuzz/shim_fuzz (scripts/fuzz.sh). It needs
# clang and implies ASan + UBSan; every target gets libFuzzer's coverage instrumentation so the
# fuzzer also sees which paths of the shim and the simulator an input reaches.
option(ACLGRAPH4J_BUILD_FUZZ "Build the libFuzzer target cpp/fuzz (needs clang; implies ASan + UBSan)" OFF)
if(ACLGRAPH4J_BUILD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "ACLGRAPH4J_BUILD_FUZZ needs clang (libFuzzer): configure with "
                        "-DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ (Debian: apt-get install clang)")
  endif()
  if(ACLGRAPH4J_SANITIZE STREQUAL "thread")
    message(FATAL_ERROR "ACLGRAPH4J_BUILD_FUZZ runs under ASan + UBSan, not with ACLGRAPH4J_SANITIZE=thread")
  endif()
  if(NOT ACLGRAPH4J_SANITIZE STREQUAL "address")
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
