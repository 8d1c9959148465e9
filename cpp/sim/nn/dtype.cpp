#include "dtype.h"

#include "acl/acl_base.h"

namespace aclsim::nn {
namespace {

// Promotion ranks inside one category, low to high.
int IntegerRank(aclDataType dtype) {
    switch (dtype) {
    case ACL_UINT8:
    case ACL_INT8: return 1;
    case ACL_INT16: return 2;
    case ACL_INT32: return 3;
    case ACL_INT64: return 4;
    default: return 0;
    }
}

aclDataType PromoteIntegers(aclDataType a, aclDataType b) {
    // UINT8 meets a signed type: the smallest signed type holding both ranges.
    if (a == ACL_UINT8 || b == ACL_UINT8) {
        const aclDataType other = a == ACL_UINT8 ? b : a;
        return other == ACL_INT8 ? ACL_INT16 : other;
    }
    return IntegerRank(a) >= IntegerRank(b) ? a : b;
}

aclDataType PromoteFloats(aclDataType a, aclDataType b) {
    if ((a == ACL_FLOAT16 && b == ACL_BF16) || (a == ACL_BF16 && b == ACL_FLOAT16)) {
        return ACL_FLOAT; // neither half type holds the other
    }
    auto rank = [](aclDataType t) { return t == ACL_DOUBLE ? 3 : t == ACL_FLOAT ? 2 : 1; };
    return rank(a) >= rank(b) ? a : b;
}

aclDataType PromoteWithComplex(aclDataType a, aclDataType b) {
    if (IsComplexType(a) && IsComplexType(b)) {
        return (a == ACL_COMPLEX128 || b == ACL_COMPLEX128) ? ACL_COMPLEX128 : ACL_COMPLEX64;
    }
    const aclDataType complexType = IsComplexType(a) ? a : b;
    const aclDataType realType = IsComplexType(a) ? b : a;
    // complex64 widens only for a double partner, whose precision it would lose.
    return (complexType == ACL_COMPLEX64 && realType == ACL_DOUBLE) ? ACL_COMPLEX128 : complexType;
}

} // namespace

bool IsAddSupportedType(aclDataType dtype) {
    return VisitElementType(dtype, [](auto) {}); // the types with kernel storage (ACLSIM_ELEMENT_TYPES)
}

const char *AddSupportedTypeList() {
    return "FLOAT, FLOAT16, BF16, DOUBLE, INT32, INT64, INT16, INT8, UINT8, BOOL, COMPLEX64, COMPLEX128";
}

std::string DataTypeName(aclDataType dtype) {
    switch (dtype) {
    case ACL_DT_UNDEFINED: return "UNDEFINED";
    case ACL_FLOAT: return "FLOAT";
    case ACL_FLOAT16: return "FLOAT16";
    case ACL_INT8: return "INT8";
    case ACL_INT32: return "INT32";
    case ACL_UINT8: return "UINT8";
    case ACL_INT16: return "INT16";
    case ACL_UINT16: return "UINT16";
    case ACL_UINT32: return "UINT32";
    case ACL_INT64: return "INT64";
    case ACL_UINT64: return "UINT64";
    case ACL_DOUBLE: return "DOUBLE";
    case ACL_BOOL: return "BOOL";
    case ACL_STRING: return "STRING";
    case ACL_COMPLEX64: return "COMPLEX64";
    case ACL_COMPLEX128: return "COMPLEX128";
    case ACL_BF16: return "BF16";
    case ACL_INT4: return "INT4";
    case ACL_UINT1: return "UINT1";
    case ACL_COMPLEX32: return "COMPLEX32";
    case ACL_HIFLOAT8: return "HIFLOAT8";
    case ACL_FLOAT8_E5M2: return "FLOAT8_E5M2";
    case ACL_FLOAT8_E4M3FN: return "FLOAT8_E4M3FN";
    case ACL_FLOAT8_E8M0: return "FLOAT8_E8M0";
    case ACL_FLOAT6_E3M2: return "FLOAT6_E3M2";
    case ACL_FLOAT6_E2M3: return "FLOAT6_E2M3";
    case ACL_FLOAT4_E2M1: return "FLOAT4_E2M1";
    case ACL_FLOAT4_E1M2: return "FLOAT4_E1M2";
    }
    return "aclDataType(" + std::to_string(static_cast<int>(dtype)) + ")";
}

bool IsFloatingType(aclDataType dtype) {
    return dtype == ACL_FLOAT16 || dtype == ACL_BF16 || dtype == ACL_FLOAT || dtype == ACL_DOUBLE;
}

bool IsComplexType(aclDataType dtype) {
    return dtype == ACL_COMPLEX64 || dtype == ACL_COMPLEX128;
}

bool IsIntegralType(aclDataType dtype) {
    switch (dtype) {
    case ACL_INT8:
    case ACL_INT16:
    case ACL_INT32:
    case ACL_INT64:
    case ACL_UINT8:
    case ACL_UINT16:
    case ACL_UINT32:
    case ACL_UINT64: return true;
    default: return false;
    }
}

aclDataType PromoteTypes(aclDataType a, aclDataType b) {
    if (!IsAddSupportedType(a) || !IsAddSupportedType(b)) {
        // Outside the operator's types only identical types "promote" (u16/u32/u64 with themselves).
        return (a == b && IsIntegralType(a)) ? a : ACL_DT_UNDEFINED;
    }
    if (a == b) {
        return a;
    }
    if (a == ACL_BOOL) {
        return b;
    }
    if (b == ACL_BOOL) {
        return a;
    }
    if (IsComplexType(a) || IsComplexType(b)) {
        return PromoteWithComplex(a, b);
    }
    if (IsFloatingType(a) && IsFloatingType(b)) {
        return PromoteFloats(a, b);
    }
    if (IsFloatingType(a)) {
        return a; // any float beats any integer
    }
    if (IsFloatingType(b)) {
        return b;
    }
    return PromoteIntegers(a, b);
}

bool CanCast(aclDataType from, aclDataType to) {
    // The code of op::CanCast (nnopbase's data_type_utils.h), which aclnnAdd's checks call. (The
    // conversion table in CANN's docs also lists floating to integer and complex to floating; the
    // code refuses both, and the code is what runs.)
    if (IsComplexType(from) && !IsComplexType(to)) {
        return false;
    }
    if (IsFloatingType(from) && IsIntegralType(to)) {
        return false;
    }
    return from == ACL_BOOL || to != ACL_BOOL;
}

} // namespace aclsim::nn
