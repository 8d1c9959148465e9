# Warnings and code generation shared by every native target of aclgraph4j.
add_compile_options(-Wall -Wextra -Wpedantic -Wno-unused-parameter -g)

# Treat warnings as errors when asked: .ci/run does (mvn -Daclgraph4j.werror=ON passes it to every
# native build of the Maven run).
option(ACLGRAPH4J_WERROR "Fail the build on compiler warnings" OFF)
if(ACLGRAPH4J_WERROR)
  add_compile_options(-Werror)
endif()
