//! Argument numbers of `CALL_INTRINSIC_1` / `CALL_INTRINSIC_2` (CPython's
//! `Include/internal/pycore_intrinsics.h`; the names are in `adder_bytecode::opcode`).

pub const INTRINSIC_PRINT: u32 = 1;
pub const INTRINSIC_IMPORT_STAR: u32 = 2;
pub const INTRINSIC_UNARY_POSITIVE: u32 = 5;
pub const INTRINSIC_LIST_TO_TUPLE: u32 = 6;
pub const INTRINSIC_TYPEVAR: u32 = 7;
pub const INTRINSIC_PARAMSPEC: u32 = 8;
pub const INTRINSIC_TYPEVARTUPLE: u32 = 9;
pub const INTRINSIC_SUBSCRIPT_GENERIC: u32 = 10;
pub const INTRINSIC_TYPEALIAS: u32 = 11;

pub const INTRINSIC_PREP_RERAISE_STAR: u32 = 1;
pub const INTRINSIC_TYPEVAR_WITH_BOUND: u32 = 2;
pub const INTRINSIC_TYPEVAR_WITH_CONSTRAINTS: u32 = 3;
pub const INTRINSIC_SET_FUNCTION_TYPE_PARAMS: u32 = 4;
pub const INTRINSIC_SET_TYPEPARAM_DEFAULT: u32 = 5;

#[cfg(test)]
mod tests {
    use adder_bytecode::opcode::{INTRINSIC_1, INTRINSIC_2};

    /// The numbers agree with the name tables generated from the reference.
    #[test]
    fn numbers_match_the_name_tables() {
        let one = [
            (super::INTRINSIC_PRINT, "INTRINSIC_PRINT"),
            (super::INTRINSIC_IMPORT_STAR, "INTRINSIC_IMPORT_STAR"),
            (super::INTRINSIC_UNARY_POSITIVE, "INTRINSIC_UNARY_POSITIVE"),
            (super::INTRINSIC_LIST_TO_TUPLE, "INTRINSIC_LIST_TO_TUPLE"),
            (super::INTRINSIC_TYPEVAR, "INTRINSIC_TYPEVAR"),
            (super::INTRINSIC_PARAMSPEC, "INTRINSIC_PARAMSPEC"),
            (super::INTRINSIC_TYPEVARTUPLE, "INTRINSIC_TYPEVARTUPLE"),
            (
                super::INTRINSIC_SUBSCRIPT_GENERIC,
                "INTRINSIC_SUBSCRIPT_GENERIC",
            ),
            (super::INTRINSIC_TYPEALIAS, "INTRINSIC_TYPEALIAS"),
        ];
        for (n, name) in one {
            assert_eq!(INTRINSIC_1[n as usize], name);
        }
        let two = [
            (
                super::INTRINSIC_PREP_RERAISE_STAR,
                "INTRINSIC_PREP_RERAISE_STAR",
            ),
            (
                super::INTRINSIC_TYPEVAR_WITH_BOUND,
                "INTRINSIC_TYPEVAR_WITH_BOUND",
            ),
            (
                super::INTRINSIC_TYPEVAR_WITH_CONSTRAINTS,
                "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS",
            ),
            (
                super::INTRINSIC_SET_FUNCTION_TYPE_PARAMS,
                "INTRINSIC_SET_FUNCTION_TYPE_PARAMS",
            ),
            (
                super::INTRINSIC_SET_TYPEPARAM_DEFAULT,
                "INTRINSIC_SET_TYPEPARAM_DEFAULT",
            ),
        ];
        for (n, name) in two {
            assert_eq!(INTRINSIC_2[n as usize], name);
        }
    }
}
