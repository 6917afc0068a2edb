//! `re.Match`: the result of a successful match (CPython's `MatchObject`): the spans
//! of every group, the subject and the pattern, and the methods that read groups by
//! number or name (`group`, `groups`, `groupdict`, `start`, `end`, `span`, `expand`,
//! `m[g]`) plus `lastindex`, `lastgroup`, `regs`, `pos`, `endpos`, `re`, `string`.

use std::rc::Rc;

use adder_vm::native_module::{add_getters, NativeObject};
use adder_vm::object::ObjRef;
use adder_vm::objects::dict;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::protocol::number::{as_int, IntRef};
use adder_vm::{PyResult, Value, Vm};

use super::pattern::Pattern;
use super::state::State;
use super::subject::{slice, subject_of, Subject, Units};
use crate::arity::{self, bind, Signature};
use crate::native_util::{after_receiver as rest, receiver_value as receiver};

pub(crate) const TYPE_NAME: &str = "re.Match";

pub struct Match {
    /// The `re.Pattern` that matched.
    pub pattern: Value,
    pub string: Value,
    /// The code points of a non-ASCII str subject, shared with the call that matched.
    wide: Option<Rc<[u32]>>,
    /// `(start, end)` of the whole match and each group; `(-1, -1)` when unset.
    pub spans: Vec<(isize, isize)>,
    pub pos: usize,
    pub endpos: usize,
    pub lastindex: isize,
}

impl NativeObject for Match {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.string);
    }
}

/// A match object for the successful attempt in `st` (CPython's `pattern_new_match`).
pub fn new_match(
    vm: &Vm,
    pattern: &Value,
    pat: &Pattern,
    string: &Value,
    subject: &Subject,
    st: &State,
) -> PyResult<Value> {
    let mut spans = Vec::with_capacity(pat.groups + 1);
    spans.push((st.start as isize, st.ptr as isize));
    for g in 0..pat.groups {
        spans.push(match st.group_span(g) {
            Some((a, b)) if a > b => {
                return Err(vm.system_error(
                    "The span of capturing group is wrong, please report a bug for the re module.",
                ))
            }
            Some((a, b)) => (a as isize, b as isize),
            None => (-1, -1),
        });
    }
    let data = Match {
        pattern: pattern.clone(),
        string: string.clone(),
        wide: match &subject.units {
            Units::Wide(w) => Some(w.clone()),
            Units::Narrow(_) => None,
        },
        spans,
        pos: st.pos,
        endpos: st.endpos,
        lastindex: st.lastindex,
    };
    let ty = super::types(vm)?.match_.clone();
    Ok(vm.new_native_instance(&ty, data))
}

pub(crate) fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a Match> {
    vm.native_self::<Match>(args, method, TYPE_NAME)
}

impl Match {
    fn pattern_data(&self) -> Option<&Pattern> {
        self.pattern.native::<Pattern>()
    }

    /// Group `g`'s text, or `default` when it did not participate.
    pub fn group_value(&self, vm: &Vm, g: usize, default: &Value) -> PyResult<Value> {
        let Some(&(a, b)) = self.spans.get(g) else {
            return Err(vm.index_error("no such group"));
        };
        if a < 0 || self.string.is_none() {
            return Ok(default.clone());
        }
        let subject = match &self.wide {
            Some(w) => Subject {
                units: Units::Wide(w.clone()),
                is_bytes: false,
            },
            None => subject_of(vm, &self.string)?,
        };
        Ok(slice(vm, &self.string, &subject, a as usize, b as usize))
    }

    /// The group number `index` names: an int, or a group name (CPython's
    /// `match_getindex`); IndexError "no such group" otherwise.
    pub fn group_index(&self, vm: &mut Vm, index: &Value) -> PyResult<usize> {
        let i = match as_int(index) {
            Some(IntRef::Small(i)) => i,
            Some(IntRef::Big(b)) => clamped(b),
            None if vm.lookup_special_heap(index, "__index__").is_some() => {
                clamped(&crate::number_args::to_index(vm, index)?)
            }
            None => self.named_group(vm, index)?,
        };
        if i < 0 || i as usize >= self.spans.len() {
            return Err(vm.index_error("no such group"));
        }
        Ok(i as usize)
    }

    /// The number of the group called `name`, -1 when there is none.
    fn named_group(&self, vm: &mut Vm, name: &Value) -> PyResult<i64> {
        let Some(d) = self.pattern_data().and_then(|p| p.groupindex.clone()) else {
            return Ok(-1);
        };
        Ok(match dict::get_item(vm, &d, name)? {
            Some(Value::Int(i)) => i,
            _ => -1,
        })
    }

    fn group_by(&self, vm: &mut Vm, index: &Value, default: &Value) -> PyResult<Value> {
        let g = self.group_index(vm, index)?;
        self.group_value(vm, g, default)
    }
}

/// An int as a machine index, saturated (CPython's `PyNumber_AsSsize_t(v, NULL)`).
fn clamped(b: &adder_numeric::BigInt) -> i64 {
    i64::try_from(b).unwrap_or(if b.sign() == dashu_base::Sign::Negative {
        i64::MIN
    } else {
        i64::MAX
    })
}

pub const METHODS: &[(&str, NativeFn)] = &[
    ("group", group),
    ("start", start),
    ("end", end),
    ("span", span),
    ("groups", groups),
    ("groupdict", groupdict),
    ("expand", expand),
    ("__copy__", copy),
    ("__deepcopy__", deepcopy),
    ("__getitem__", getitem),
    ("__repr__", repr),
];

pub fn add_attributes(vm: &Vm, ty: &ObjRef) {
    add_getters(
        vm,
        ty,
        &[
            ("lastindex", lastindex),
            ("lastgroup", lastgroup),
            ("regs", regs),
            ("string", string),
            ("re", re),
            ("pos", pos),
            ("endpos", endpos),
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

/// `group(*groups)`: one group's text, or a tuple of several.
fn group(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = this(vm, &args, "group")?;
    let rest = rest(&args);
    arity::no_keywords(vm, &rest, "group")?;
    match rest.pos() {
        [] => m.group_value(vm, 0, &Value::None),
        [g] => m.group_by(vm, g, &Value::None),
        gs => {
            let mut items = Vec::with_capacity(gs.len());
            for g in gs {
                items.push(m.group_by(vm, g, &Value::None)?);
            }
            Ok(vm.new_tuple(items))
        }
    }
}

fn getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = this(vm, &args, "__getitem__")?;
    let g = arity::one(vm, &rest(&args), "__getitem__")?;
    m.group_by(vm, g, &Value::None)
}

/// The span of the optional group argument of `start`/`end`/`span`.
fn group_span(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(isize, isize)> {
    let m = this(vm, args, name)?;
    let pos = arity::positional(vm, &rest(args), name, name, 0, 1)?;
    let g = match pos.first() {
        Some(v) => m.group_index(vm, v)?,
        None => 0,
    };
    Ok(m.spans.get(g).copied().unwrap_or((-1, -1)))
}

fn start(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(group_span(vm, &args, "start")?.0 as i64))
}

fn end(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(group_span(vm, &args, "end")?.1 as i64))
}

fn pair(vm: &Vm, (a, b): (isize, isize)) -> Value {
    vm.new_tuple(vec![Value::Int(a as i64), Value::Int(b as i64)])
}

fn span(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = group_span(vm, &args, "span")?;
    Ok(pair(vm, s))
}

/// The `default=None` argument of `groups`/`groupdict`.
fn default_arg(vm: &Vm, args: &Args, name: &'static str) -> PyResult<Value> {
    let sig = Signature {
        name,
        names: &["default"],
        posonly: 0,
        required: 0,
        max_positional: 1,
    };
    let slots = bind(vm, &rest(args), &sig)?;
    Ok(slots.first().cloned().flatten().unwrap_or(Value::None))
}

fn groups(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = this(vm, &args, "groups")?;
    let default = default_arg(vm, &args, "groups")?;
    let mut items = Vec::with_capacity(m.spans.len());
    for g in 1..m.spans.len() {
        items.push(m.group_value(vm, g, &default)?);
    }
    Ok(vm.new_tuple(items))
}

fn groupdict(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = this(vm, &args, "groupdict")?;
    let default = default_arg(vm, &args, "groupdict")?;
    let out = vm.new_dict();
    let names = m
        .pattern_data()
        .and_then(|p| p.groupindex.clone())
        .and_then(|d| dict::try_data(&d).map(|d| d.keys()))
        .unwrap_or_default();
    for name in names {
        let value = m.group_by(vm, &name, &default)?;
        dict::set_item(vm, &out, name, value)?;
    }
    Ok(Value::Obj(out))
}

fn expand(vm: &mut Vm, args: Args) -> PyResult<Value> {
    const SIG: Signature = Signature {
        name: "expand",
        names: &["template"],
        posonly: 0,
        required: 1,
        max_positional: 1,
    };
    let m = this(vm, &args, "expand")?;
    let slots = bind(vm, &rest(&args), &SIG)?;
    let template = slots.first().cloned().flatten().unwrap_or(Value::None);
    let compiled = super::template::compile_template(vm, &m.pattern, &template)?;
    super::template::expand(vm, &compiled, m)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::copy_self::<Match>(vm, &args, "__copy__", TYPE_NAME)
}

fn deepcopy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::copy_self::<Match>(vm, &args, "__deepcopy__", TYPE_NAME)
}

/// `<re.Match object; span=(0, 3), match='abc'>`, the text's repr cut at 50
/// characters.
fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = this(vm, &args, "__repr__")?;
    let group0 = m.group_value(vm, 0, &Value::None)?;
    let text: String = vm.repr(&group0)?.chars().take(50).collect();
    let (a, b) = m.spans.first().copied().unwrap_or((-1, -1));
    let ty = vm.type_of(&receiver(&args));
    let name = ty
        .as_type()
        .map_or_else(|| TYPE_NAME.to_string(), |t| format!("re.{}", t.name()));
    Ok(vm.new_str(&format!("<{name} object; span=({a}, {b}), match={text}>")))
}

fn lastindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = this(vm, &args, "lastindex")?;
    Ok(if m.lastindex >= 0 {
        Value::Int(m.lastindex as i64)
    } else {
        Value::None
    })
}

fn lastgroup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = this(vm, &args, "lastgroup")?;
    let names = m.pattern_data().and_then(|p| p.indexgroup.clone());
    let name = names.as_ref().and_then(|t| {
        let t = t.as_obj()?.as_tuple()?;
        usize::try_from(m.lastindex)
            .ok()
            .and_then(|i| t.get(i))
            .cloned()
    });
    Ok(name.unwrap_or(Value::None))
}

fn regs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let m = this(vm, &args, "regs")?;
    let items = m.spans.iter().map(|&s| pair(vm, s)).collect();
    Ok(vm.new_tuple(items))
}

fn string(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(vm, &args, "string")?.string.clone())
}

fn re(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(this(vm, &args, "re")?.pattern.clone())
}

fn pos(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this(vm, &args, "pos")?.pos as i64))
}

fn endpos(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this(vm, &args, "endpos")?.endpos as i64))
}
