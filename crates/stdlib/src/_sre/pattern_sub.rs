//! `Pattern.sub` and `Pattern.subn` (CPython's `pattern_subx`): replace matches by a
//! literal, an expanded template (`\1`, `\g<name>`), or what a function returns
//! for each match object.

use adder_vm::objects::function::Args;
use adder_vm::objects::iterators::is_callable;
use adder_vm::{PyResult, Value, Vm};

use super::engine_error;
use super::match_obj::{new_match, Match};
use super::pattern::this;
use super::state::State;
use super::subject::{slice, subject_of, Units};
use super::template::{compile_template, expand, join, Template};
use crate::arity::{bind, Signature};
use crate::native_util::{after_receiver as rest, receiver_value as receiver};
use crate::number_args::to_ssize;

/// What replaces each match.
enum Filter {
    Literal(Value),
    Template(Value),
    Callable(Value),
}

pub fn sub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    subx(vm, args, "sub", false)
}

pub fn subn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    subx(vm, args, "subn", true)
}

/// Whether `repl` is a str or bytes-like object without backslashes (so it is used
/// as it is).
fn is_literal(vm: &Vm, repl: &Value) -> bool {
    match subject_of(vm, repl) {
        Ok(s) => match &s.units {
            Units::Narrow(b) => !b.contains(&b'\\'),
            Units::Wide(w) => !w.contains(&('\\' as u32)),
        },
        Err(_) => false,
    }
}

fn filter_for(vm: &mut Vm, pattern: &Value, repl: &Value) -> PyResult<Filter> {
    if is_callable(vm, repl) {
        return Ok(Filter::Callable(repl.clone()));
    }
    if is_literal(vm, repl) {
        return Ok(Filter::Literal(repl.clone()));
    }
    let template = compile_template(vm, pattern, repl)?;
    Ok(match template.native::<Template>() {
        Some(t) if t.items.is_empty() => Filter::Literal(t.literal.clone()),
        _ => Filter::Template(template),
    })
}

fn subx(vm: &mut Vm, args: Args, name: &'static str, with_count: bool) -> PyResult<Value> {
    let names: &'static [&'static str] = &["repl", "string", "count"];
    let sig = Signature {
        name,
        names,
        posonly: 0,
        required: 2,
        max_positional: 3,
    };
    let pat = this(vm, &args, name)?;
    let me = receiver(&args);
    let slots = bind(vm, &rest(&args), &sig)?;
    let arg = |i: usize| slots.get(i).cloned().flatten().unwrap_or(Value::None);
    let (repl, string) = (arg(0), arg(1));
    let count = match slots.get(2).cloned().flatten() {
        Some(v) => to_ssize(vm, &v)?,
        None => 0,
    };
    let filter = filter_for(vm, &me, &repl)?;
    let subject = pat.subject(vm, &string)?;
    let mut st = State::new(subject.units.len(), 0, i64::MAX, pat.groups);
    let mut parts = Vec::new();
    let mut n = 0;
    let mut i = 0;
    let mut m = subject.units.matcher(&mut st, &pat.program);
    while count == 0 || n < count {
        let st = m.state();
        st.reset();
        st.ptr = st.start;
        if !m.search().map_err(|e| engine_error(vm, e))? {
            break;
        }
        let st = m.state();
        let (b, e) = (st.start, st.ptr);
        if i < b {
            parts.push(slice(vm, &string, &subject, i, b));
        }
        let item = match &filter {
            Filter::Literal(v) => v.clone(),
            Filter::Template(t) => {
                let found = new_match(vm, &me, pat, &string, &subject, st)?;
                match found.native::<Match>() {
                    Some(data) => expand(vm, t, data)?,
                    None => Value::None,
                }
            }
            Filter::Callable(f) => {
                let found = new_match(vm, &me, pat, &string, &subject, st)?;
                vm.call(f, &[found])?
            }
        };
        if !item.is_none() {
            parts.push(item);
        }
        i = e;
        n += 1;
        let st = m.state();
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    let endpos = m.state().endpos;
    if i < endpos {
        parts.push(slice(vm, &string, &subject, i, endpos));
    }
    let empty = slice(vm, &string, &subject, 0, 0);
    let result = if parts.is_empty() {
        empty
    } else {
        join(vm, &empty, parts)?
    };
    if with_count {
        return Ok(vm.new_tuple(vec![result, Value::Int(n)]));
    }
    Ok(result)
}
