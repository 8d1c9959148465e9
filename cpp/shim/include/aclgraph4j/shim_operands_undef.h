/* Ends a use of shim_operators.def: undefines the operand macros (AGJ_IN … AGJ_INT_ARRAY) its
 * includer defined, so the next use can define them its own way. No include guard: included once
 * per use. */
#undef AGJ_IN
#undef AGJ_IN_OPT
#undef AGJ_OUT
#undef AGJ_OUT_OPT
#undef AGJ_INOUT
#undef AGJ_SCALAR
#undef AGJ_INT
#undef AGJ_FLOAT
#undef AGJ_BOOL
#undef AGJ_DTYPE
#undef AGJ_INT_ARRAY
