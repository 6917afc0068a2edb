//! `_sre.SRE_Scanner`: successive matches over one subject (`Pattern.scanner`, and
//! `finditer`, which iterates its `search` method): each call continues where the
//! previous match ended, never matching empty twice at the same place.

use std::cell::RefCell;

use adder_vm::native_module::{add_getters, NativeObject};
use adder_vm::object::ObjRef;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyResult, Value, Vm};

use super::engine_error;
use super::match_obj::new_match;
use super::pattern::Pattern;
use super::state::State;
use super::subject::Subject;
use crate::arity;
use crate::native_util::after_receiver as rest;

const TYPE_NAME: &str = "_sre.SRE_Scanner";

pub struct Scanner {
    pattern: Value,
    string: Value,
    subject: Subject<'static>,
    /// `None` once a call found nothing: every later call returns None.
    state: RefCell<Option<State>>,
}

impl NativeObject for Scanner {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.string);
    }
}

pub const METHODS: &[(&str, NativeFn)] = &[("match", match_), ("search", search)];

pub fn add_attributes(vm: &Vm, ty: &ObjRef) {
    add_getters(vm, ty, &[("pattern", get_pattern)]);
}

pub fn new_scanner(
    vm: &Vm,
    pattern: Value,
    pat: &Pattern,
    string: Value,
    subject: Subject,
    pos: i64,
    endpos: i64,
) -> PyResult<Value> {
    let state = State::new(subject.units.len(), pos, endpos, pat.groups);
    let data = Scanner {
        pattern,
        string,
        subject: Subject {
            units: subject.units.into_owned(),
            is_bytes: subject.is_bytes,
        },
        state: RefCell::new(Some(state)),
    };
    let ty = super::types(vm)?.scanner.clone();
    Ok(vm.new_native_instance(&ty, data))
}

fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a Scanner> {
    vm.native_self::<Scanner>(args, method, TYPE_NAME)
}

/// The next match (anchored at the current position when `anchored`).
fn next_match(vm: &mut Vm, args: Args, name: &str, anchored: bool) -> PyResult<Value> {
    let sc = this(vm, &args, name)?;
    arity::check_count(vm, rest(&args).pos(), name, 0, 0)?;
    let Some(pat) = sc.pattern.native::<Pattern>() else {
        return Ok(Value::None);
    };
    let mut slot = sc
        .state
        .try_borrow_mut()
        .map_err(|_| vm.value_error("regular expression scanner already executing"))?;
    let Some(st) = slot.as_mut() else {
        return Ok(Value::None);
    };
    st.reset();
    st.ptr = st.start;
    let found = {
        let mut m = sc.subject.units.matcher(st, &pat.program);
        if anchored {
            m.run()
        } else {
            m.search()
        }
    }
    .map_err(|e| engine_error(vm, e))?;
    if !found {
        *slot = None;
        return Ok(Value::None);
    }
    let result = new_match(vm, &sc.pattern, pat, &sc.string, &sc.subject, st)?;
    st.must_advance = st.ptr == st.start;
    st.start = st.ptr;
    Ok(result)
}

fn match_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    next_match(vm, args, "match", true)
}

fn search(vm: &mut Vm, args: Args) -> PyResult<Value> {
    next_match(vm, args, "search", false)
}

fn get_pattern(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(vm, &args, "pattern")?.pattern.clone())
}
