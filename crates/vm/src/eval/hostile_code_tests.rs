//! Forged bytecode (as a damaged or hand-made cache file could hold) must end in a
//! Python exception, never in a read outside the code or the frame: the eval loop
//! fetches units and fast locals unchecked, trusting `adder_bytecode::validate`.

use std::rc::Rc;

use adder_bytecode::{CodeObject, CodeUnit, Opcode};

use crate::value::Value;
use crate::vm::Vm;

/// Compile `source`, let `forge` damage the module code, then run it: the error's
/// type name, or "ok".
fn run_forged(source: &str, forge: impl Fn(&mut CodeObject)) -> String {
    let mut vm = Vm::new(Default::default());
    let Ok(code) = adder_compiler::compile_source(source, "<forged>", adder_syntax::Mode::Exec, 0)
    else {
        return "compile error".into();
    };
    let mut forged = (*code).clone();
    forge(&mut forged);
    let code = vm.code_object(Rc::new(forged));
    let globals = vm.new_module_dict("__main__");
    match vm.run_code(code, globals) {
        Ok(_) => "ok".into(),
        Err(e) => match vm.get_attr_str(&Value::Obj(e.0.clone()), "__class__") {
            Ok(class) => vm
                .get_attr_str(&class, "__name__")
                .and_then(|n| vm.to_str(&n).map(|s| s.to_string()))
                .unwrap_or_default(),
            Err(_) => "unknown".into(),
        },
    }
}

const SOURCE: &str = "x = 0\nfor i in range(3):\n    x += i\n";

/// The index of the first unit holding `op`.
fn find(code: &CodeObject, op: Opcode) -> usize {
    code.code.iter().position(|u| u.op == op as u8).unwrap_or(0)
}

#[test]
fn compiled_code_runs() {
    assert_eq!(run_forged(SOURCE, |_| {}), "ok");
}

#[test]
fn code_cut_before_its_return_raises() {
    let result = run_forged(SOURCE, |code| {
        let at = find(code, Opcode::ReturnValue);
        code.code.truncate(at);
    });
    assert_eq!(result, "SystemError");
}

#[test]
fn jump_past_the_end_raises() {
    let result = run_forged(SOURCE, |code| {
        let at = find(code, Opcode::JumpBackward);
        code.code[at] = CodeUnit::new(Opcode::JumpForward, 250);
    });
    assert_eq!(result, "SystemError");
}

#[test]
fn out_of_range_indexes_raise() {
    for (op, arg) in [
        (Opcode::LoadFast, 200),
        (Opcode::LoadConst, 200),
        (Opcode::StoreFastStoreFast, 0xff),
    ] {
        let result = run_forged(SOURCE, |code| {
            let at = find(code, Opcode::LoadConst);
            code.code[at] = CodeUnit::new(op, arg);
        });
        assert_eq!(result, "SystemError", "{op:?}");
    }
}

#[test]
fn empty_code_raises() {
    assert_eq!(run_forged(SOURCE, |code| code.code.clear()), "SystemError");
}
