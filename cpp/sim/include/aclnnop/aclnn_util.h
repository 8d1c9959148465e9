// Export macro of the aclnn operator API.
#ifndef ACLSIM_ACLNNOP_ACLNN_UTIL_H
#define ACLSIM_ACLNNOP_ACLNN_UTIL_H

#define ACLNN_API __attribute__((visibility("default")))

#endif
