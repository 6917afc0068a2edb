//! The `_opcode` module (CPython's `Modules/_opcode.c`): which opcodes take an
//! argument, a constant, a name, a jump target..., their stack effects, and the
//! tables `dis` prints argument names from. `opcode` (and so `dis`, `inspect`,
//! `dataclasses`, `traceback`) imports it.

use adder_bytecode::opcode::{BINARY_OPS, INTRINSIC_1, INTRINSIC_2, SPECIAL_METHODS};
use adder_bytecode::{Opcode, PseudoOpcode};
use adder_compiler::Op;
use adder_vm::native_module::{add_functions, add_values};
use adder_vm::object::ObjRef;
use adder_vm::objects::function::Args;
use adder_vm::{PyResult, Value, Vm};

use crate::args::{bind, Params};

/// The pseudo instructions, by number (256 onwards).
const PSEUDO: &[PseudoOpcode] = &[
    PseudoOpcode::AnnotationsPlaceholder,
    PseudoOpcode::Jump,
    PseudoOpcode::JumpIfFalse,
    PseudoOpcode::JumpIfTrue,
    PseudoOpcode::JumpNoInterrupt,
    PseudoOpcode::LoadClosure,
    PseudoOpcode::PopBlock,
    PseudoOpcode::SetupCleanup,
    PseudoOpcode::SetupFinally,
    PseudoOpcode::SetupWith,
    PseudoOpcode::StoreFastMaybeNull,
];

/// An opcode number as an instruction adder knows: real (unspecialized) or pseudo.
fn op_of(number: i64) -> Option<Op> {
    match u8::try_from(number) {
        Ok(byte) => Opcode::from_u8(byte).map(Op::Real),
        Err(_) => usize::try_from(number - 256)
            .ok()
            .and_then(|i| PSEUDO.get(i))
            .map(|p| Op::Pseudo(*p)),
    }
}

/// The instruction an instrumented one stands for (same stack effect).
fn uninstrumented(op: Op) -> Op {
    use Opcode::*;
    let Op::Real(real) = op else {
        return op;
    };
    Op::Real(match real {
        InstrumentedEndFor => EndFor,
        InstrumentedPopIter => PopIter,
        InstrumentedEndSend => EndSend,
        InstrumentedForIter => ForIter,
        InstrumentedPopJumpIfTrue => PopJumpIfTrue,
        InstrumentedPopJumpIfFalse => PopJumpIfFalse,
        InstrumentedPopJumpIfNone => PopJumpIfNone,
        InstrumentedPopJumpIfNotNone => PopJumpIfNotNone,
        InstrumentedEndAsyncFor => EndAsyncFor,
        InstrumentedLoadSuperAttr => LoadSuperAttr,
        InstrumentedCall => Call,
        InstrumentedCallKw => CallKw,
        InstrumentedCallFunctionEx => CallFunctionEx,
        other => other,
    })
}

/// CPython's `IS_VALID_OPCODE`: real, specialized, instrumented and pseudo
/// instructions; the gaps 121-127 and 212-233 are unassigned.
fn is_valid_number(number: i64) -> bool {
    matches!(number, 0..=120 | 128..=211 | 234..=266)
}

/// The single int argument of the `has_*` predicates.
fn opcode_arg(vm: &mut Vm, args: &Args, func: &'static str) -> PyResult<i64> {
    let pos = crate::args::positional(vm, args, func, 1, 1)?;
    crate::args::int_arg(vm, &pos[0])
}

fn predicate(
    vm: &mut Vm,
    args: &Args,
    func: &'static str,
    real: fn(Opcode) -> bool,
    pseudo: fn(PseudoOpcode) -> bool,
) -> PyResult<Value> {
    let number = opcode_arg(vm, args, func)?;
    Ok(Value::Bool(match op_of(number) {
        Some(Op::Real(op)) => real(op),
        Some(Op::Pseudo(op)) => pseudo(op),
        None => false,
    }))
}

fn is_valid(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(is_valid_number(opcode_arg(
        vm, &args, "is_valid",
    )?)))
}

fn has_arg(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, &args, "has_arg", Opcode::has_arg, |p| {
        !matches!(
            p,
            PseudoOpcode::AnnotationsPlaceholder | PseudoOpcode::PopBlock
        )
    })
}

fn has_const(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, &args, "has_const", Opcode::has_const, |_| false)
}

fn has_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, &args, "has_name", Opcode::has_name, |_| false)
}

fn has_jump(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, &args, "has_jump", Opcode::has_jump, |p| {
        matches!(
            p,
            PseudoOpcode::Jump
                | PseudoOpcode::JumpIfFalse
                | PseudoOpcode::JumpIfTrue
                | PseudoOpcode::JumpNoInterrupt
        )
    })
}

fn has_free(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, &args, "has_free", Opcode::has_free, |_| false)
}

fn has_local(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(vm, &args, "has_local", Opcode::has_local, |p| {
        matches!(
            p,
            PseudoOpcode::LoadClosure | PseudoOpcode::StoreFastMaybeNull
        )
    })
}

/// Instructions that push an exception handler (only pseudo instructions do).
fn has_exc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicate(
        vm,
        &args,
        "has_exc",
        |_| false,
        |p| {
            matches!(
                p,
                PseudoOpcode::SetupCleanup | PseudoOpcode::SetupFinally | PseudoOpcode::SetupWith
            )
        },
    )
}

const STACK_EFFECT: Params = Params {
    func: "stack_effect",
    names: &["opcode", "oparg", "jump"],
    required: 1,
    positional: 2,
};

/// `stack_effect(opcode, oparg=None, /, *, jump=None)`: the net stack effect; with
/// `jump=None` the larger of the jump and fall-through effects.
fn stack_effect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let slots = bind(vm, &args, &STACK_EFFECT)?;
    let number = crate::args::int_arg(vm, slots[0].as_ref().unwrap_or(&Value::None))?;
    let oparg = match &slots[1] {
        None | Some(Value::None) => 0,
        Some(v) => crate::args::int_arg(vm, v)?,
    };
    let jump = match &slots[2] {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.is_true(v)?),
    };
    let invalid = || vm.value_error("invalid opcode or oparg");
    let (Some(op), Ok(oparg)) = (op_of(number), u32::try_from(oparg)) else {
        return Err(invalid());
    };
    let op = uninstrumented(op);
    let effect = match jump {
        Some(jump) => adder_compiler::stack_effect(op, oparg, jump),
        None => adder_compiler::stack_effect(op, oparg, true)
            .max(adder_compiler::stack_effect(op, oparg, false)),
    };
    Ok(Value::Int(i64::from(effect)))
}

fn no_args(vm: &mut Vm, args: &Args, func: &'static str) -> PyResult<()> {
    crate::args::positional(vm, args, func, 0, 0).map(|_| ())
}

fn str_list(vm: &Vm, items: &[&str]) -> Value {
    vm.new_list(items.iter().map(|s| vm.new_str(s)).collect())
}

fn get_intrinsic1_descs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "get_intrinsic1_descs")?;
    Ok(str_list(vm, INTRINSIC_1))
}

fn get_intrinsic2_descs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "get_intrinsic2_descs")?;
    Ok(str_list(vm, INTRINSIC_2))
}

fn get_special_method_names(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "get_special_method_names")?;
    Ok(str_list(vm, SPECIAL_METHODS))
}

/// `[(name, symbol), ...]` for BINARY_OP's arguments.
fn get_nb_ops(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "get_nb_ops")?;
    let ops = BINARY_OPS
        .iter()
        .map(|(name, symbol)| vm.new_tuple(vec![vm.new_str(name), vm.new_str(symbol)]))
        .collect();
    Ok(vm.new_list(ops))
}

/// adder keeps no specialization statistics (CPython's are a build option).
fn get_specialization_stats(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "get_specialization_stats")?;
    Ok(Value::None)
}

/// adder has no tier-2 executors, so no offset holds one.
fn get_executor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::args::positional(vm, &args, "get_executor", 2, 2)?;
    Err(vm.value_error("no executor at given byte offset"))
}

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(
        vm,
        module,
        &[
            ("stack_effect", stack_effect),
            ("is_valid", is_valid),
            ("has_arg", has_arg),
            ("has_const", has_const),
            ("has_name", has_name),
            ("has_jump", has_jump),
            ("has_free", has_free),
            ("has_local", has_local),
            ("has_exc", has_exc),
            ("get_intrinsic1_descs", get_intrinsic1_descs),
            ("get_intrinsic2_descs", get_intrinsic2_descs),
            ("get_special_method_names", get_special_method_names),
            ("get_nb_ops", get_nb_ops),
            ("get_specialization_stats", get_specialization_stats),
            ("get_executor", get_executor),
        ],
    );
    add_values(
        vm,
        module,
        &[
            ("ENABLE_SPECIALIZATION", Value::Bool(false)),
            ("ENABLE_SPECIALIZATION_FT", Value::Bool(false)),
        ],
    );
    Ok(())
}
