//! `re.Pattern`: a compiled pattern (CPython's `PatternObject`), made by
//! `_sre.compile`, with the matching methods `match`, `fullmatch`, `search`,
//! `findall`, `split`, `finditer` and `scanner` (`sub`/`subn` are in
//! `pattern_sub.rs`), its attributes, repr, equality and hash.

use std::rc::Rc;

use adder_vm::native_module::{add_getters, NativeObject};
use adder_vm::object::ObjRef;
use adder_vm::objects::dict;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::protocol::number::{as_int, IntRef};
use adder_vm::{PyResult, Value, Vm};

use super::constants::*;
use super::engine_error;
use super::match_obj::new_match;
use super::program::Program;
use super::state::State;
use super::subject::{slice, subject_of, Subject};
use super::validate::validate;
use crate::args::c_int_arg;
use crate::arity::{bind, Signature};
use crate::native_util::{after_receiver as rest, receiver_value as receiver};
use crate::number_args::to_ssize;

pub(crate) const TYPE_NAME: &str = "re.Pattern";

pub struct Pattern {
    /// The code words, with their set tables.
    pub program: Program,
    /// The source: a str, bytes, or None (patterns built from parsed trees).
    pub pattern: Value,
    pub flags: i64,
    /// The number of capturing groups.
    pub groups: usize,
    /// Group name to number (a dict), when the pattern has named groups.
    pub groupindex: Option<ObjRef>,
    /// Group number to name (a tuple), when the pattern has named groups.
    pub indexgroup: Option<Value>,
    /// Whether it matches bytes (`None`: either, for patterns without a source).
    pub is_bytes: Option<bool>,
}

impl NativeObject for Pattern {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        if let Some(d) = &self.groupindex {
            visit(&Value::Obj(d.clone()));
        }
        if let Some(t) = &self.indexgroup {
            visit(t);
        }
    }
}

impl Pattern {
    /// The subject `string` with its kind checked against the pattern's.
    pub fn subject<'a>(&self, vm: &Vm, string: &'a Value) -> PyResult<Subject<'a>> {
        let subject = subject_of(vm, string)?;
        match (subject.is_bytes, self.is_bytes) {
            (true, Some(false)) => {
                Err(vm.type_error("cannot use a string pattern on a bytes-like object"))
            }
            (false, Some(true)) => {
                Err(vm.type_error("cannot use a bytes pattern on a string-like object"))
            }
            _ => Ok(subject),
        }
    }
}

pub(crate) fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a Pattern> {
    vm.native_self::<Pattern>(args, method, TYPE_NAME)
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("match", match_),
    ("fullmatch", fullmatch),
    ("search", search),
    ("sub", super::pattern_sub::sub),
    ("subn", super::pattern_sub::subn),
    ("findall", findall),
    ("split", split),
    ("finditer", finditer),
    ("scanner", scanner),
    ("__copy__", copy),
    ("__deepcopy__", deepcopy),
    ("__repr__", repr),
    ("__eq__", eq),
    ("__ne__", ne),
    ("__hash__", hash),
];

pub fn add_attributes(vm: &Vm, ty: &ObjRef) {
    add_getters(
        vm,
        ty,
        &[
            ("pattern", get_pattern),
            ("flags", get_flags),
            ("groups", get_groups),
            ("groupindex", get_groupindex),
        ],
    );
    adder_vm::objects::dict_methods::add_class_methods(
        vm,
        ty,
        &[(
            "__class_getitem__",
            adder_vm::objects::generic_alias::class_getitem,
        )],
    );
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
pub fn compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const SIG: Signature = Signature {
        name: "compile",
        names: &[
            "pattern",
            "flags",
            "code",
            "groups",
            "groupindex",
            "indexgroup",
        ],
        posonly: 0,
        required: 6,
        max_positional: 6,
    };
    let slots = bind(vm, &args, &SIG)?;
    let arg = |i: usize| slots.get(i).cloned().flatten().unwrap_or(Value::None);
    let flags = c_int_arg(vm, &arg(1))? as i64;
    let code_list = require_type(vm, &arg(2), "code", "list")?;
    let groups = to_ssize(vm, &arg(3))?;
    let groupindex = require_type(vm, &arg(4), "groupindex", "dict")?;
    let indexgroup = require_type(vm, &arg(5), "indexgroup", "tuple")?;
    let code = code_words(vm, &code_list)?;
    let pattern = arg(0);
    let is_bytes = if pattern.is_none() {
        None
    } else {
        Some(subject_of(vm, &pattern)?.is_bytes)
    };
    let named = groupindex
        .as_obj()
        .and_then(|d| dict::try_data(d).map(|d| d.len()))
        .unwrap_or(0)
        > 0;
    let has_names = named
        && indexgroup
            .as_obj()
            .and_then(|t| t.as_tuple())
            .is_some_and(|t| !t.is_empty());
    let sets = usize::try_from(groups)
        .ok()
        .and_then(|g| validate(&code, g).ok());
    let (Some(sets), Ok(groups)) = (sets, usize::try_from(groups)) else {
        return Err(vm.runtime_error("invalid SRE code"));
    };
    let data = Pattern {
        program: Program::new(code, &sets),
        pattern,
        flags,
        groups,
        groupindex: if named {
            groupindex.as_obj().cloned()
        } else {
            None
        },
        indexgroup: if has_names { Some(indexgroup) } else { None },
        is_bytes,
    };
    let ty = super::types(vm)?.pattern.clone();
    Ok(vm.new_native_instance(&ty, data))
}

/// An argument that must be an instance of the built-in type `want`.
fn require_type(vm: &Vm, v: &Value, name: &str, want: &str) -> PyResult<Value> {
    let ty = match want {
        "list" => &vm.types().list,
        "dict" => &vm.types().dict,
        _ => &vm.types().tuple,
    };
    if vm.is_instance(v, ty) {
        Ok(v.clone())
    } else {
        Err(vm.type_error(format!(
            "compile() argument '{name}' must be {want}, not {}",
            vm.type_name(v)
        )))
    }
}

/// The code words of the list `code` (each an unsigned 32-bit int).
fn code_words(vm: &mut Vm, code: &Value) -> PyResult<Vec<u32>> {
    let items = vm.collect_iterable(code)?;
    let mut words = Vec::with_capacity(items.len());
    for item in &items {
        // Int subclasses (`re._constants`' named opcodes) come as big ints.
        let word = match as_int(item) {
            Some(IntRef::Small(i)) => i128::from(i),
            Some(IntRef::Big(b)) => i128::try_from(b).unwrap_or(i128::MAX),
            None => return Err(vm.type_error("an integer is required")),
        };
        if word < 0 {
            return Err(vm.overflow_error("can't convert negative value to unsigned int"));
        }
        let w = u32::try_from(word)
            .map_err(|_| vm.overflow_error("regular expression code size limit exceeded"))?;
        words.push(w);
    }
    Ok(words)
}

/// `(string, pos=0, endpos=sys.maxsize)` of the matching methods.
fn subject_args(vm: &mut Vm, args: &Args, name: &'static str) -> PyResult<(Value, i64, i64)> {
    let names: &'static [&'static str] = &["string", "pos", "endpos"];
    let sig = Signature {
        name,
        names,
        posonly: 0,
        required: 1,
        max_positional: 3,
    };
    let slots = bind(vm, &rest(args), &sig)?;
    let string = slots.first().cloned().flatten().unwrap_or(Value::None);
    let pos = match slots.get(1).cloned().flatten() {
        Some(v) => to_ssize(vm, &v)?,
        None => 0,
    };
    let endpos = match slots.get(2).cloned().flatten() {
        Some(v) => to_ssize(vm, &v)?,
        None => i64::MAX,
    };
    Ok((string, pos, endpos))
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Match,
    FullMatch,
    Search,
}

fn match_at(vm: &mut Vm, args: Args, name: &'static str, mode: Mode) -> PyResult<Value> {
    let pat = this(vm, &args, name)?;
    let (string, pos, endpos) = subject_args(vm, &args, name)?;
    let subject = pat.subject(vm, &string)?;
    let mut st = State::new(subject.units.len(), pos, endpos, pat.groups);
    st.match_all = mode == Mode::FullMatch;
    let found = {
        let mut m = subject.units.matcher(&mut st, &pat.program);
        if mode == Mode::Search {
            m.search()
        } else {
            m.run()
        }
    }
    .map_err(|e| engine_error(vm, e))?;
    if !found {
        return Ok(Value::None);
    }
    new_match(vm, &receiver(&args), pat, &string, &subject, &st)
}

fn match_(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match_at(vm, args, "match", Mode::Match)
}

fn fullmatch(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match_at(vm, args, "fullmatch", Mode::FullMatch)
}

fn search(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match_at(vm, args, "search", Mode::Search)
}

/// Group `g` (1-based) of the current match in `st`; `empty` gives "" (or b"") for a
/// group that did not participate, else None.
pub(crate) fn state_group(
    vm: &Vm,
    string: &Value,
    subject: &Subject,
    st: &State,
    g: usize,
    empty: bool,
) -> Value {
    match st.group_span(g - 1) {
        Some((a, b)) => slice(vm, string, subject, a, b),
        None if empty => slice(vm, string, subject, 0, 0),
        None => Value::None,
    }
}

fn findall(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pat = this(vm, &args, "findall")?;
    let (string, pos, endpos) = subject_args(vm, &args, "findall")?;
    let subject = pat.subject(vm, &string)?;
    let mut st = State::new(subject.units.len(), pos, endpos, pat.groups);
    let mut out = Vec::new();
    let mut m = subject.units.matcher(&mut st, &pat.program);
    loop {
        let st = m.state();
        if st.start > st.end {
            break;
        }
        st.reset();
        st.ptr = st.start;
        if !m.search().map_err(|e| engine_error(vm, e))? {
            break;
        }
        let st = m.state();
        let item = match pat.groups {
            0 => slice(vm, &string, &subject, st.start, st.ptr),
            1 => state_group(vm, &string, &subject, st, 1, true),
            n => {
                let items = (1..=n)
                    .map(|g| state_group(vm, &string, &subject, st, g, true))
                    .collect();
                vm.new_tuple(items)
            }
        };
        out.push(item);
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    Ok(vm.new_list(out))
}

fn split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const SIG: Signature = Signature {
        name: "split",
        names: &["string", "maxsplit"],
        posonly: 0,
        required: 1,
        max_positional: 2,
    };
    let pat = this(vm, &args, "split")?;
    let slots = bind(vm, &rest(&args), &SIG)?;
    let string = slots.first().cloned().flatten().unwrap_or(Value::None);
    let maxsplit = match slots.get(1).cloned().flatten() {
        Some(v) => to_ssize(vm, &v)?,
        None => 0,
    };
    let subject = pat.subject(vm, &string)?;
    let mut st = State::new(subject.units.len(), 0, i64::MAX, pat.groups);
    let mut out = Vec::new();
    let mut n = 0;
    let mut last = 0;
    let mut m = subject.units.matcher(&mut st, &pat.program);
    while maxsplit == 0 || n < maxsplit {
        m.state().reset();
        let st = m.state();
        st.ptr = st.start;
        if !m.search().map_err(|e| engine_error(vm, e))? {
            break;
        }
        let st = m.state();
        out.push(slice(vm, &string, &subject, last, st.start));
        for g in 1..=pat.groups {
            out.push(state_group(vm, &string, &subject, st, g, false));
        }
        n += 1;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
        last = st.ptr;
    }
    let endpos = m.state().endpos;
    out.push(slice(vm, &string, &subject, last, endpos));
    Ok(vm.new_list(out))
}

fn finditer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let scanner = make_scanner(vm, &args, "finditer")?;
    let search = vm.get_attr_str(&scanner, "search")?;
    adder_vm::objects::iterators::callable_iter(vm, &search, &Value::None)
}

fn scanner(vm: &mut Vm, args: Args) -> PyResult<Value> {
    make_scanner(vm, &args, "scanner")
}

fn make_scanner(vm: &mut Vm, args: &Args, name: &'static str) -> PyResult<Value> {
    let pat = this(vm, args, name)?;
    let (string, pos, endpos) = subject_args(vm, args, name)?;
    let units = pat.subject(vm, &string)?;
    super::scanner::new_scanner(vm, receiver(args), pat, string.clone(), units, pos, endpos)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::copy_self::<Pattern>(vm, &args, "__copy__", TYPE_NAME)
}

fn deepcopy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::copy_self::<Pattern>(vm, &args, "__deepcopy__", TYPE_NAME)
}

/// The names `repr` shows for flags, in CPython's order.
const FLAG_NAMES: &[(&str, i64)] = &[
    ("re.IGNORECASE", FLAG_IGNORECASE),
    ("re.LOCALE", FLAG_LOCALE),
    ("re.MULTILINE", FLAG_MULTILINE),
    ("re.DOTALL", FLAG_DOTALL),
    ("re.UNICODE", FLAG_UNICODE),
    ("re.VERBOSE", FLAG_VERBOSE),
    ("re.DEBUG", FLAG_DEBUG),
    ("re.ASCII", FLAG_ASCII),
];

/// `re.compile('pattern', re.IGNORECASE|...)`, the pattern's repr cut at 200
/// characters.
fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pat = this(vm, &args, "__repr__")?;
    let mut flags = pat.flags;
    if pat.is_bytes == Some(false)
        && flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII) == FLAG_UNICODE
    {
        flags &= !FLAG_UNICODE;
    }
    let mut names: Vec<String> = Vec::new();
    for (name, bit) in FLAG_NAMES {
        if flags & bit != 0 {
            names.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        names.push(format!("{:#x}", flags as i32 as u32));
    }
    let source: String = vm.repr(&pat.pattern)?.chars().take(200).collect();
    let text = if names.is_empty() {
        format!("re.compile({source})")
    } else {
        format!("re.compile({source}, {})", names.join("|"))
    };
    Ok(vm.new_str(&text))
}

/// `self == other` for two patterns: same flags, kind, code and source.
fn equal(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Option<bool>> {
    let pat = this(vm, args, name)?;
    let other = crate::arity::one(vm, &rest(args), name)?;
    let ty = super::types(vm)?.pattern.clone();
    if !Rc::ptr_eq(&vm.type_of(other), &ty) {
        return Ok(None);
    }
    let me = receiver(args);
    if let (Some(a), Some(b)) = (me.as_obj(), other.as_obj()) {
        if Rc::ptr_eq(a, b) {
            return Ok(Some(true));
        }
    }
    let Some(o) = other.native::<Pattern>() else {
        return Ok(None);
    };
    if pat.flags != o.flags || pat.is_bytes != o.is_bytes || pat.program.code != o.program.code {
        return Ok(Some(false));
    }
    Ok(Some(vm.eq(&pat.pattern, &o.pattern)?))
}

fn eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match equal(vm, &args, "__eq__")? {
        Some(b) => Value::Bool(b),
        None => vm.types().not_implemented.clone(),
    })
}

fn ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match equal(vm, &args, "__ne__")? {
        Some(b) => Value::Bool(!b),
        None => vm.types().not_implemented.clone(),
    })
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pat = this(vm, &args, "__hash__")?;
    let mut h = vm.hash(&pat.pattern)?;
    let code_hash = pat
        .program
        .code
        .iter()
        .fold(0x345678i64, |acc, &w| acc.wrapping_mul(1000003) ^ w as i64);
    h ^= code_hash ^ pat.flags ^ pat.is_bytes.map_or(-1, i64::from) ^ pat.program.code.len() as i64;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

fn get_pattern(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(vm, &args, "pattern")?.pattern.clone())
}

fn get_flags(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this(vm, &args, "flags")?.flags))
}

fn get_groups(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this(vm, &args, "groups")?.groups as i64))
}

/// `groupindex`: a read-only view in CPython (a mappingproxy); here a copy, so that
/// changing it cannot change the pattern.
fn get_groupindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pat = this(vm, &args, "groupindex")?;
    let copy = vm.new_dict();
    if let Some(d) = &pat.groupindex {
        if let Some(data) = dict::try_data(d) {
            let pairs: Vec<(Value, Value)> = data
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect();
            drop(data);
            for (k, v) in pairs {
                dict::set_item(vm, &copy, k, v)?;
            }
        }
    }
    Ok(Value::Obj(copy))
}
