//! `_count_elements(mapping, iterable)`: the loop of `Counter.update`, counting each
//! item into `mapping` with `mapping[x] = mapping.get(x, 0) + 1`.

use adder_vm::objects::function::Args;
use adder_vm::protocol::number::NB_ADD;
use adder_vm::{PyResult, Value, Vm};

use crate::arity;

pub(crate) fn count_elements(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = arity::positional(vm, &args, "_count_elements", "_count_elements", 2, 2)?;
    let (mapping, iterable) = (&pos[0], &pos[1]);
    let it = vm.get_iter(iterable)?;
    let get = vm.get_attr_str(mapping, "get")?;
    let zero = Value::Int(0);
    let one = Value::Int(1);
    while let Some(item) = vm.next(&it)? {
        let old = vm.call(&get, &[item.clone(), zero.clone()])?;
        let new = vm.binary_op(&old, &one, NB_ADD)?;
        vm.set_item(mapping, &item, new)?;
    }
    Ok(Value::None)
}
