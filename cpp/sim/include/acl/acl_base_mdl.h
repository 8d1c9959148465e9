// Kept empty, as in CANN's runtime package (the model API's base types come with the model
// package, which the simulator does not provide); programs that include it compile.
#ifndef ACLSIM_ACL_ACL_BASE_MDL_H
#define ACLSIM_ACL_ACL_BASE_MDL_H
#endif
