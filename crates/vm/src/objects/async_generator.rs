//! The async generator's own methods: `__aiter__`, `__anext__`, `asend`, `athrow`,
//! `aclose`. Each of the last four returns an awaitable (see `async_gen_awaitables.rs`)
//! that does the work when the caller awaits it.

use crate::builtins::add_methods;
use crate::error::PyResult;
use crate::object::{ObjRef, Payload};
use crate::objects::async_gen_awaitables::{new_asend, new_athrow};
use crate::objects::function::Args;
use crate::objects::generator::GenKind;
use crate::objects::native_args::{bind, MethodName, Shape};
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &Vm) {
    add_methods(
        vm,
        &vm.types().async_generator,
        &[
            ("__aiter__", aiter),
            ("__anext__", anext),
            ("asend", asend),
            ("athrow", athrow),
            ("aclose", aclose),
        ],
    );
}

/// The receiver (an async generator) and the arguments bound to `shape`.
fn receiver<'a>(
    vm: &Vm,
    args: &'a Args,
    name: &'static str,
    shape: &Shape,
) -> PyResult<(ObjRef, Vec<Option<&'a Value>>)> {
    let method = MethodName {
        owner: "async_generator",
        name,
    };
    let (recv, rest) = bind(vm, args, method, shape)?;
    match recv {
        Value::Obj(o) if matches!(&o.payload, Payload::Generator(g) if g.kind == GenKind::AsyncGenerator) => {
            Ok((o.clone(), rest))
        }
        other => Err(vm.type_error(format!(
            "descriptor '{name}' for 'async_generator' objects doesn't apply to a '{}' object",
            vm.type_name(other)
        ))),
    }
}

fn aiter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (gen, _) = receiver(vm, &args, "__aiter__", &Shape::NoArgs)?;
    Ok(Value::Obj(gen))
}

fn anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (gen, _) = receiver(vm, &args, "__anext__", &Shape::NoArgs)?;
    Ok(new_asend(vm, gen, Value::None))
}

fn asend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (gen, rest) = receiver(vm, &args, "asend", &Shape::One)?;
    let value = rest
        .first()
        .copied()
        .flatten()
        .cloned()
        .unwrap_or(Value::None);
    Ok(new_asend(vm, gen, value))
}

/// `athrow(...)`: the arguments are checked when the awaitable first runs, as CPython
/// does.
fn athrow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (gen, _) = receiver(
        vm,
        &args,
        "athrow",
        &Shape::Positional {
            min: 0,
            max: usize::MAX,
        },
    )?;
    let thrown = args.pos().get(1..).unwrap_or_default().to_vec();
    Ok(new_athrow(vm, gen, Some(thrown)))
}

fn aclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (gen, _) = receiver(vm, &args, "aclose", &Shape::NoArgs)?;
    Ok(new_athrow(vm, gen, None))
}
