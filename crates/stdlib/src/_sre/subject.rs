//! The string a pattern runs over, as units the engine can index in O(1): the bytes
//! of a bytes-like object or of an ASCII str (one unit per character either way),
//! or the code points of any other str, decoded once per call. Also the way back:
//! slices of the subject as Python objects of the subject's kind.

use std::borrow::Cow;
use std::rc::Rc;

use adder_vm::object::Payload;
use adder_vm::objects::buffer::bytes_like;
use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::str::PyStr;
use adder_vm::{PyResult, Value, Vm};

use super::engine::Matcher;
use super::program::Program;
use super::state::State;

/// The subject's characters.
#[derive(Clone)]
pub enum Units<'a> {
    /// A bytes-like object, or a str whose characters are all ASCII.
    Narrow(Cow<'a, [u8]>),
    /// A str with non-ASCII characters, one code point per unit (shared with the
    /// match objects made from it, which slice it later).
    Wide(Rc<[u32]>),
}

impl Units<'_> {
    pub fn len(&self) -> usize {
        match self {
            Units::Narrow(b) => b.len(),
            Units::Wide(w) => w.len(),
        }
    }

    /// A copy that does not borrow the subject (for scanners, which outlive a call).
    pub fn into_owned(self) -> Units<'static> {
        match self {
            Units::Narrow(b) => Units::Narrow(Cow::Owned(b.into_owned())),
            Units::Wide(w) => Units::Wide(w),
        }
    }

    /// A matcher over these units running `prog`.
    pub fn matcher<'m>(&'m self, st: &'m mut State, prog: &'m Program) -> AnyMatcher<'m> {
        match self {
            Units::Narrow(b) => AnyMatcher::Narrow(Matcher::new(st, b, prog)),
            Units::Wide(w) => AnyMatcher::Wide(Matcher::new(st, w, prog)),
        }
    }
}

/// A subject: its units and whether it is bytes-like (else a str).
pub struct Subject<'a> {
    pub units: Units<'a>,
    pub is_bytes: bool,
}

/// The units of `v` (CPython's `getstring`): a str or any bytes-like object.
pub fn subject_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<Subject<'a>> {
    if let Some(Payload::Str(s)) = v.payload() {
        let units = if s.is_ascii() {
            Units::Narrow(Cow::Borrowed(s.as_str().as_bytes()))
        } else if s.has_surrogates() {
            Units::Wide(s.code_points().collect())
        } else {
            Units::Wide(s.as_str().chars().map(|c| c as u32).collect())
        };
        return Ok(Subject {
            units,
            is_bytes: false,
        });
    }
    match bytes_like(vm, v)? {
        Some(bytes) => Ok(Subject {
            units: Units::Narrow(bytes),
            is_bytes: true,
        }),
        None => Err(vm.type_error(format!(
            "expected string or bytes-like object, got '{}'",
            vm.type_name(v)
        ))),
    }
}

/// `units[i..j]` of the subject `string` as a str or bytes (the subject itself when
/// the slice is all of an exact str or bytes, as CPython returns it unchanged).
pub fn slice(vm: &Vm, string: &Value, subject: &Subject, i: usize, j: usize) -> Value {
    let len = subject.units.len();
    let (i, j) = (i.min(len), j.min(len).max(i.min(len)));
    let exact = if subject.is_bytes {
        &vm.types().bytes
    } else {
        &vm.types().str_
    };
    if i == 0 && j == len && Rc::ptr_eq(&vm.type_of(string), exact) {
        return string.clone();
    }
    match (&subject.units, subject.is_bytes) {
        (Units::Narrow(b), true) => new_bytes(vm, b.get(i..j).unwrap_or(&[]).to_vec()),
        (Units::Narrow(b), false) => {
            vm.new_str(&String::from_utf8_lossy(b.get(i..j).unwrap_or(&[])))
        }
        (Units::Wide(w), _) => wide_str(vm, w.get(i..j).unwrap_or(&[])),
    }
}

/// Code points back to a str (lone surrogates included).
fn wide_str(vm: &Vm, units: &[u32]) -> Value {
    if units.iter().any(|c| (0xD800..0xE000).contains(c)) {
        return vm.new_str_obj(PyStr::from_code_points(units.iter().copied()));
    }
    let text: String = units.iter().filter_map(|&c| char::from_u32(c)).collect();
    vm.new_str(&text)
}

/// A matcher over either kind of units, so callers need not be generic.
pub enum AnyMatcher<'a> {
    Narrow(Matcher<'a, u8>),
    Wide(Matcher<'a, u32>),
}

impl AnyMatcher<'_> {
    pub fn state(&mut self) -> &mut State {
        match self {
            AnyMatcher::Narrow(m) => &mut *m.st,
            AnyMatcher::Wide(m) => &mut *m.st,
        }
    }

    /// Match at `st.ptr` (`Pattern.match`, `fullmatch`, `Scanner.match`).
    pub fn run(&mut self) -> Result<bool, super::engine::SreError> {
        match self {
            AnyMatcher::Narrow(m) => m.run(0, true),
            AnyMatcher::Wide(m) => m.run(0, true),
        }
    }

    /// Search from `st.start`.
    pub fn search(&mut self) -> Result<bool, super::engine::SreError> {
        match self {
            AnyMatcher::Narrow(m) => m.search(),
            AnyMatcher::Wide(m) => m.search(),
        }
    }
}
