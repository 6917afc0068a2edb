//! The methods of `tuple`: `count` and `index`.

use crate::builtins::add_methods;
use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::function::Args;
use crate::objects::list::search_range;
use crate::objects::native_args::{bind, MethodName, Shape};
use crate::value::Value;
use crate::vm::Vm;

pub fn install(vm: &Vm) {
    add_methods(
        vm,
        &vm.types().tuple.clone(),
        &[("count", tuple_count), ("index", tuple_index)],
    );
}

fn receiver(
    vm: &Vm,
    args: &Args,
    name: &'static str,
    shape: Shape,
) -> PyResult<(Vec<Value>, Vec<Value>)> {
    let (recv, rest) = bind(
        vm,
        args,
        MethodName {
            owner: "tuple",
            name,
        },
        &shape,
    )?;
    match recv.payload() {
        Some(Payload::Tuple(t)) => Ok((t.to_vec(), rest.into_iter().flatten().cloned().collect())),
        _ => Err(vm.type_error(format!(
            "descriptor '{name}' for 'tuple' objects doesn't apply to a '{}' object",
            vm.type_name(recv)
        ))),
    }
}

fn tuple_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (items, rest) = receiver(vm, &args, "count", Shape::One)?;
    let mut n = 0;
    for item in &items {
        if vm.eq(item, &rest[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn tuple_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (items, rest) = receiver(vm, &args, "index", Shape::Positional { min: 1, max: 3 })?;
    let (start, stop) = search_range(vm, rest.get(1), rest.get(2), items.len())?;
    for (i, item) in items.iter().enumerate().take(stop).skip(start) {
        if vm.eq(item, &rest[0])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}
