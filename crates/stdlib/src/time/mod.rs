//! The `time` module: clocks, sleeping, and conversions between seconds since the
//! epoch and broken-down `struct_time`s (through the C library, as CPython).

mod calendar;
pub(crate) mod clocks;

use std::rc::Rc;

use adder_vm::native_module::{add_functions, add_values};
use adder_vm::object::ObjRef;
use adder_vm::objects::function::NativeFn;
use adder_vm::{PyResult, Value, Vm};

use crate::structseq;

/// `time.struct_time`, kept for the functions that make them (module state).
pub struct TimeState {
    pub struct_time: Value,
}

/// The module state, importing `time` first if nothing did yet.
fn state(vm: &mut Vm) -> PyResult<Rc<TimeState>> {
    if let Some(s) = vm.native_state::<TimeState>() {
        return Ok(s);
    }
    vm.import_module("time")?;
    vm.native_state::<TimeState>()
        .ok_or_else(|| vm.system_error("time module state missing"))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("time", clocks::time),
    ("time_ns", clocks::time_ns),
    ("monotonic", clocks::monotonic),
    ("monotonic_ns", clocks::monotonic_ns),
    ("perf_counter", clocks::perf_counter),
    ("perf_counter_ns", clocks::perf_counter_ns),
    ("process_time", clocks::process_time),
    ("process_time_ns", clocks::process_time_ns),
    ("thread_time", clocks::thread_time),
    ("thread_time_ns", clocks::thread_time_ns),
    ("clock_gettime", clocks::clock_gettime),
    ("clock_gettime_ns", clocks::clock_gettime_ns),
    ("clock_getres", clocks::clock_getres),
    ("get_clock_info", clocks::get_clock_info),
    ("sleep", clocks::sleep),
    ("gmtime", calendar::gmtime),
    ("localtime", calendar::localtime),
    ("mktime", calendar::mktime),
    ("strftime", calendar::strftime),
    ("asctime", calendar::asctime),
    ("ctime", calendar::ctime),
    ("tzset", calendar::tzset),
];

const CLOCKS: &[(&str, libc::clockid_t)] = &[
    ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
    ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
    ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
    ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
    ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
    ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
    ("CLOCK_TAI", libc::CLOCK_TAI),
];

/// Fill the `time` module.
pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    add_functions(vm, module, FUNCTIONS);
    let clocks: Vec<(&str, Value)> = CLOCKS
        .iter()
        .map(|&(name, id)| (name, Value::Int(id.into())))
        .collect();
    add_values(vm, module, &clocks);
    add_values(vm, module, &calendar::zone_values(vm)?);
    let struct_time = structseq::new_type(vm, "time", "struct_time", calendar::FIELDS, 9)?;
    add_values(vm, module, &[("struct_time", struct_time.clone())]);
    vm.set_native_state(TimeState { struct_time });
    Ok(())
}
