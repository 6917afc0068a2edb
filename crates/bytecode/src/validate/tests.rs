//! The validator on hand-made bytecode: what compiled code looks like passes
//! untouched, each kind of fault turns only the faulty instruction into CACHE.

use std::rc::Rc;

use super::sanitize;
use crate::code::{CodeObject, CodeUnit};
use crate::constant::Constant;
use crate::exception_table::ExceptionTableEntry;
use crate::opcode::Opcode;

const CACHE: CodeUnit = CodeUnit { op: 0, arg: 0 };

fn unit(op: Opcode, arg: u8) -> CodeUnit {
    CodeUnit::new(op, arg)
}

/// A code object with one local (`x`) and one constant running `units`.
fn code(units: Vec<CodeUnit>) -> CodeObject {
    let name: Rc<str> = Rc::from("f");
    CodeObject {
        code: units,
        consts: vec![Constant::None],
        names: Vec::new(),
        localsplus_names: vec![Rc::from("x")],
        localsplus_kinds: vec![crate::LocalKind(crate::LocalKind::LOCAL)],
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        flags: 0,
        stacksize: 2,
        name: name.clone(),
        qualname: name,
        filename: Rc::from("<test>"),
        firstlineno: 1,
        linetable: Vec::new(),
        exception_table: Vec::new(),
    }
}

fn returns_none() -> Vec<CodeUnit> {
    vec![
        unit(Opcode::Resume, 0),
        unit(Opcode::LoadConst, 0),
        unit(Opcode::ReturnValue, 0),
    ]
}

#[test]
fn well_formed_code_passes_unchanged() {
    let mut units = vec![
        unit(Opcode::LoadFast, 0),
        unit(Opcode::PopJumpIfFalse, 1),
        CACHE,
    ];
    units.push(unit(Opcode::Nop, 0));
    units.extend(returns_none());
    assert!(sanitize(&code(units)).is_none());
}

#[test]
fn falling_off_the_end_is_cut() {
    let units = vec![unit(Opcode::LoadConst, 0), unit(Opcode::PopTop, 0)];
    let (fixed, _) = sanitize(&code(units)).expect("faulty");
    assert_eq!(fixed, vec![unit(Opcode::LoadConst, 0), CACHE]);
}

#[test]
fn jumps_out_of_range_or_into_caches_are_cut() {
    for target in [200, 2] {
        let mut units = vec![unit(Opcode::JumpForward, target), unit(Opcode::LoadFast, 0)];
        units.extend([unit(Opcode::PopJumpIfFalse, 0), CACHE]);
        units.extend(returns_none());
        let (fixed, _) = sanitize(&code(units.clone())).expect("faulty");
        assert_eq!(fixed[0], CACHE);
        assert_eq!(fixed[1..], units[1..]);
    }
    // Backward past the start.
    let mut units = returns_none();
    units.extend([unit(Opcode::JumpBackward, 9), CACHE]);
    let (fixed, _) = sanitize(&code(units)).expect("faulty");
    assert_eq!(fixed[3..], [CACHE, CACHE]);
}

#[test]
fn local_and_constant_indexes_are_checked() {
    for bad in [
        unit(Opcode::LoadFast, 1),
        unit(Opcode::LoadFastLoadFast, 0x01),
        unit(Opcode::StoreFastStoreFast, 0x10),
        unit(Opcode::LoadDeref, 3),
        unit(Opcode::LoadConst, 1),
    ] {
        let mut units = vec![bad];
        units.extend(returns_none());
        let (fixed, _) = sanitize(&code(units)).expect("faulty");
        assert_eq!(fixed[0], CACHE, "{bad:?}");
    }
}

#[test]
fn name_indexes_are_checked_past_their_flag_bits() {
    let mut named = code(Vec::new());
    named.names = vec![Rc::from("n")];
    for (op, good, bad) in [
        (Opcode::LoadName, 0, 1),
        (Opcode::ImportName, 0, 1),
        (Opcode::LoadGlobal, 1, 2),
        (Opcode::LoadAttr, 1, 2),
        (Opcode::LoadSuperAttr, 3, 4),
    ] {
        for (arg, faulty) in [(good, false), (bad, true)] {
            let mut units = vec![unit(op, arg)];
            units.extend(std::iter::repeat_n(CACHE, op.cache_entries()));
            units.extend(returns_none());
            named.code = units;
            let fixed = sanitize(&named);
            assert_eq!(fixed.is_some(), faulty, "{op:?} {arg}");
        }
    }
}

#[test]
fn extended_arg_counts_toward_the_index() {
    let mut units = vec![unit(Opcode::ExtendedArg, 1), unit(Opcode::LoadFast, 0)];
    units.extend(returns_none());
    let (fixed, _) = sanitize(&code(units)).expect("faulty");
    assert_eq!(fixed[..2], [CACHE, CACHE]);
    // A prefix as the last unit has no instruction to extend.
    let mut units = returns_none();
    units.push(unit(Opcode::ExtendedArg, 0));
    let (fixed, _) = sanitize(&code(units)).expect("faulty");
    assert_eq!(fixed[3], CACHE);
}

#[test]
fn for_iter_must_exit_to_end_for() {
    let units = |exit: Opcode| {
        let mut units = vec![unit(Opcode::ForIter, 1), CACHE, unit(Opcode::Nop, 0)];
        units.push(unit(exit, 0));
        units.extend(returns_none());
        units
    };
    assert!(sanitize(&code(units(Opcode::EndFor))).is_none());
    let (fixed, _) = sanitize(&code(units(Opcode::Nop))).expect("faulty");
    assert_eq!(fixed[..2], [CACHE, CACHE]);
}

#[test]
fn stray_bytes_empty_code_and_bad_handlers() {
    let mut units = returns_none();
    units.push(CodeUnit { op: 3, arg: 0 });
    let (fixed, _) = sanitize(&code(units)).expect("faulty");
    assert_eq!(fixed[3], CACHE);

    let (fixed, _) = sanitize(&code(Vec::new())).expect("faulty");
    assert_eq!(fixed, vec![CACHE]);

    let mut with_handlers = code(returns_none());
    let handler = |target| ExceptionTableEntry {
        start: 0,
        end: 3,
        target,
        depth: 0,
        lasti: false,
    };
    with_handlers.exception_table = vec![handler(1), handler(3)];
    let (fixed, handlers) = sanitize(&with_handlers).expect("faulty");
    assert_eq!(fixed, returns_none());
    assert_eq!(handlers.len(), 1);
    assert_eq!(handlers[0].target, 1);
}
