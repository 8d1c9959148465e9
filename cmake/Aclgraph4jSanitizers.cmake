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
elseif(NOT ACLGRAPH4J_SANITIZE STREQUAL "")
  message(FATAL_ERROR "ACLGRAPH4J_SANITIZE must be '', 'address' or 'thread', not '${ACLGRAPH4J_SANITIZE}'")
endif()
