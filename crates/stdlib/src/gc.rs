//! The `gc` module: the interface to the VM's cycle collector (`adder_vm::gc`).

use std::cell::RefCell;

use adder_vm::gc::{collect, finalize, traverse};
use adder_vm::native_module::{add_functions, add_values};
use adder_vm::object::ObjRef;
use adder_vm::objects::dict;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyResult, Value, Vm};

use crate::args::positional;
use crate::arity::one;

/// `gc.garbage` and `gc.callbacks`, kept to find them again from `collect`.
struct GcState {
    callbacks: Value,
    stats: RefCell<[(i64, i64); 3]>,
}

fn none(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn enable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "enable", 0, 0)?;
    collect::set_enabled(true);
    Ok(Value::None)
}

fn disable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "disable", 0, 0)?;
    collect::set_enabled(false);
    Ok(Value::None)
}

fn isenabled(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "isenabled", 0, 0)?;
    Ok(Value::Bool(collect::is_enabled()))
}

/// `collect(generation=2)`: the number of unreachable objects found.
fn gc_collect(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let generation = match args.pos() {
        [] => 2,
        [g] => crate::args::int_arg(vm, g)?,
        more => {
            return Err(vm.type_error(format!(
                "collect() takes at most 1 argument ({} given)",
                more.len()
            )))
        }
    };
    if !(0..=2).contains(&generation) {
        return Err(vm.value_error("invalid generation"));
    }
    let state = vm.native_state::<GcState>();
    let info = |vm: &Vm, collected: usize| {
        let d = vm.new_dict();
        dict::set_str(vm, &d, "generation", Value::Int(generation));
        dict::set_str(vm, &d, "collected", Value::Int(collected as i64));
        dict::set_str(vm, &d, "uncollectable", Value::Int(0));
        Value::Obj(d)
    };
    if let Some(st) = &state {
        run_callbacks(vm, &st.callbacks, "start", info(vm, 0));
    }
    let found = vm.collect_garbage(generation > 0);
    if let Some(st) = &state {
        if let Some(s) = st.stats.borrow_mut().get_mut(generation as usize) {
            s.0 += 1;
            s.1 += found as i64;
        }
        run_callbacks(vm, &st.callbacks, "stop", info(vm, found));
    }
    Ok(Value::Int(found as i64))
}

/// Call each of `gc.callbacks` with `(phase, info)`; failures are reported, not raised.
fn run_callbacks(vm: &mut Vm, callbacks: &Value, phase: &str, info: Value) {
    let Ok(list) = vm.collect_iterable(callbacks) else {
        return;
    };
    let phase = vm.new_str(phase);
    for cb in list {
        if let Err(e) = vm.call(&cb, &[phase.clone(), info.clone()]) {
            vm.report_unraisable("in garbage collector callback", &cb, &e.0);
        }
    }
}

fn get_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "get_count", 0, 0)?;
    let (a, b, c) = collect::count();
    Ok(int_triple(vm, a, b, c))
}

fn get_threshold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "get_threshold", 0, 0)?;
    let (a, b, c) = collect::thresholds();
    Ok(int_triple(vm, a, b, c))
}

fn int_triple(vm: &Vm, a: usize, b: usize, c: usize) -> Value {
    vm.new_tuple(vec![
        Value::Int(a as i64),
        Value::Int(b as i64),
        Value::Int(c as i64),
    ])
}

/// `set_threshold(threshold0[, threshold1[, threshold2]])`.
fn set_threshold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let values = positional(vm, &args, "set_threshold", 1, 3)?;
    let (mut t0, mut t1, mut t2) = collect::thresholds();
    for (i, v) in values.iter().enumerate() {
        let n = usize::try_from(crate::args::int_arg(vm, v)?).unwrap_or(0);
        match i {
            0 => t0 = n,
            1 => t1 = n,
            _ => t2 = n,
        }
    }
    collect::set_thresholds((t0, t1, t2));
    Ok(Value::None)
}

fn is_tracked(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one(vm, &args, "is_tracked")?;
    Ok(Value::Bool(collect::is_tracked(v)))
}

fn is_finalized(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one(vm, &args, "is_finalized")?;
    Ok(Value::Bool(
        v.as_obj().is_some_and(|o| finalize::is_finalized(o)),
    ))
}

/// `get_referents(*objs)`: what the objects refer to.
fn get_referents(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut out = Vec::new();
    for v in args.pos() {
        if let Some(o) = v.as_obj().filter(|_| collect::is_tracked(v)) {
            traverse::visit_refs(o, &mut |r| {
                if !r.is_null() && !r.is_none() {
                    out.push(r.clone());
                }
            });
        }
    }
    Ok(vm.new_list(out))
}

/// `get_referrers(*objs)`: the tracked objects that refer to any of them.
fn get_referrers(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let wanted = args.pos();
    let mut out = Vec::new();
    for o in collect::all_objects() {
        let mut refers = false;
        traverse::visit_refs(&o, &mut |r| refers |= wanted.iter().any(|w| w.is(r)));
        if refers {
            out.push(Value::Obj(o));
        }
    }
    Ok(vm.new_list(out))
}

/// `get_objects(generation=None)`.
fn get_objects(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = positional(vm, &args, "get_objects", 0, 1)?;
    // The generation is only validated (as CPython): this collector does not
    // keep objects in generations, so every generation lists them all.
    // (-1, C's "absent", is accepted like None.)
    if let Some(g) = pos.first().filter(|g| !g.is_none()) {
        if adder_vm::protocol::number::as_int(g).is_none()
            && vm.lookup_special_heap(g, "__index__").is_none()
        {
            return Err(vm.type_error(format!(
                "argument should be integer or None, not '{}'",
                vm.type_name(g)
            )));
        }
        let g = crate::args::int_arg(vm, g)?;
        if g < -1 {
            return Err(vm.value_error("generation parameter cannot be negative"));
        }
        if g >= 3 {
            return Err(vm.value_error(
                "generation parameter must be less than the number of available generations (3)",
            ));
        }
    }
    let all = collect::all_objects().into_iter().map(Value::Obj).collect();
    Ok(vm.new_list(all))
}

fn get_stats(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "get_stats", 0, 0)?;
    let stats = vm
        .native_state::<GcState>()
        .map(|s| *s.stats.borrow())
        .unwrap_or_default();
    let list = stats
        .iter()
        .map(|&(collections, collected)| {
            let d = vm.new_dict();
            dict::set_str(vm, &d, "collections", Value::Int(collections));
            dict::set_str(vm, &d, "collected", Value::Int(collected));
            dict::set_str(vm, &d, "uncollectable", Value::Int(0));
            Value::Obj(d)
        })
        .collect();
    Ok(vm.new_list(list))
}

fn get_freeze_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "get_freeze_count", 0, 0)?;
    Ok(Value::Int(0))
}

fn get_debug(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "get_debug", 0, 0)?;
    Ok(Value::Int(0))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("enable", enable),
    ("disable", disable),
    ("isenabled", isenabled),
    ("collect", gc_collect),
    ("get_count", get_count),
    ("get_threshold", get_threshold),
    ("set_threshold", set_threshold),
    ("is_tracked", is_tracked),
    ("is_finalized", is_finalized),
    ("get_referents", get_referents),
    ("get_referrers", get_referrers),
    ("get_objects", get_objects),
    ("get_stats", get_stats),
    ("freeze", none),
    ("unfreeze", none),
    ("get_freeze_count", get_freeze_count),
    ("set_debug", none),
    ("get_debug", get_debug),
];

/// Fill the `gc` module.
pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(vm, module, FUNCTIONS);
    let callbacks = vm.new_list(Vec::new());
    add_values(
        vm,
        module,
        &[
            ("garbage", vm.new_list(Vec::new())),
            ("callbacks", callbacks.clone()),
            ("DEBUG_STATS", Value::Int(1)),
            ("DEBUG_COLLECTABLE", Value::Int(2)),
            ("DEBUG_UNCOLLECTABLE", Value::Int(4)),
            ("DEBUG_SAVEALL", Value::Int(32)),
            ("DEBUG_LEAK", Value::Int(38)),
        ],
    );
    vm.set_native_state(GcState {
        callbacks,
        stats: RefCell::new([(0, 0); 3]),
    });
    Ok(())
}
