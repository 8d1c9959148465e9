# Cross-compiles cpp/ for linux-arm64 with Debian's cross toolchain
# (apt-get install crossbuild-essential-arm64): the Maven profile linux-arm64 and
# scripts/ci-arm64.sh use it. The test programs run under qemu-user (apt-get install
# qemu-user-static) when it is present: ctest starts them through CMAKE_CROSSCOMPILING_EMULATOR.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(ACLGRAPH4J_CROSS_TRIPLE aarch64-linux-gnu)
set(CMAKE_C_COMPILER ${ACLGRAPH4J_CROSS_TRIPLE}-gcc)
set(CMAKE_CXX_COMPILER ${ACLGRAPH4J_CROSS_TRIPLE}-g++)
set(ACLGRAPH4J_CROSS_SYSROOT /usr/${ACLGRAPH4J_CROSS_TRIPLE})

set(CMAKE_FIND_ROOT_PATH ${ACLGRAPH4J_CROSS_SYSROOT})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

find_program(ACLGRAPH4J_QEMU_AARCH64 NAMES qemu-aarch64-static qemu-aarch64)
if(ACLGRAPH4J_QEMU_AARCH64)
  # With Debian's multiarch libc6:arm64 (which the arm64 JDK brings) the programs find their
  # loader and libraries as on an arm64 host; qemu's -L prefix is for hosts without it (under -L
  # the threaded test programs were seen to hang).
  if(EXISTS /lib/ld-linux-aarch64.so.1)
    set(CMAKE_CROSSCOMPILING_EMULATOR "${ACLGRAPH4J_QEMU_AARCH64}")
  else()
    set(CMAKE_CROSSCOMPILING_EMULATOR "${ACLGRAPH4J_QEMU_AARCH64};-L;${ACLGRAPH4J_CROSS_SYSROOT}")
  endif()
endif()
