//! Argument binding for the constructors of the typing objects (`TypeVar(...)`,
//! `ParamSpec(...)`, `TypeAliasType(...)`), with the messages CPython's Argument Clinic
//! gives them (`typevar() missing required argument 'name' (pos 1)`).

use crate::error::PyResult;
use crate::objects::function::Args;
use crate::objects::str_stand_in::unexpected_keyword;
use crate::protocol::attr::name_str;
use crate::value::Value;
use crate::vm::Vm;

/// A constructor's parameters: `positional` (positional-or-keyword, the first
/// `required` of them required), then either `*rest` (`collects_rest`) or an error for
/// extra positional arguments, then the keyword-only `keywords`.
pub struct Signature {
    /// The function name in messages: `typevar`, `paramspec`...
    pub name: &'static str,
    pub positional: &'static [&'static str],
    pub required: usize,
    pub collects_rest: bool,
    pub keywords: &'static [&'static str],
}

/// The bound arguments: one slot per named parameter (`positional` then `keywords`),
/// and the extra positional arguments when the signature collects them.
pub struct Bound {
    pub slots: Vec<Option<Value>>,
    pub rest: Vec<Value>,
}

impl Bound {
    /// The argument for the parameter at `index` in the signature's name order.
    pub fn get(&self, index: usize) -> Option<&Value> {
        self.slots.get(index).and_then(Option::as_ref)
    }
}

impl Signature {
    fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.positional.iter().chain(self.keywords).copied()
    }

    /// Bind `args` (without the class a `__new__` receives first).
    pub fn bind(&self, vm: &Vm, given: &[Value], args: &Args) -> PyResult<Bound> {
        let npos = self.positional.len();
        let (named, rest) = if given.len() > npos {
            if !self.collects_rest {
                let how = if self.required < npos {
                    "at most"
                } else {
                    "exactly"
                };
                return Err(vm.type_error(format!(
                    "{}() takes {how} {npos} positional argument{} ({} given)",
                    self.name,
                    if npos == 1 { "" } else { "s" },
                    given.len()
                )));
            }
            given.split_at(npos)
        } else {
            (given, &[][..])
        };
        let mut slots: Vec<Option<Value>> = named.iter().cloned().map(Some).collect();
        slots.resize(npos + self.keywords.len(), None);
        for (key_obj, value) in args.kwargs() {
            let key = name_str(key_obj);
            let Some(i) = self.names().position(|n| n == key) else {
                return Err(unexpected_keyword(vm, self.name, key_obj));
            };
            if slots.get(i).is_some_and(Option::is_some) {
                return Err(vm.type_error(format!(
                    "argument for {}() given by name ('{key}') and position ({})",
                    self.name,
                    i + 1
                )));
            }
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(value.clone());
            }
        }
        for (i, name) in self.positional.iter().enumerate().take(self.required) {
            if slots.get(i).is_none_or(Option::is_none) {
                return Err(vm.type_error(format!(
                    "{}() missing required argument '{name}' (pos {})",
                    self.name,
                    i + 1
                )));
            }
        }
        Ok(Bound {
            slots,
            rest: rest.to_vec(),
        })
    }

    /// Bind a constructor's arguments: those of its `__new__` after the class.
    pub fn bind_new(&self, vm: &Vm, args: &Args) -> PyResult<Bound> {
        self.bind(vm, args.pos().get(1..).unwrap_or(&[]), args)
    }

    /// The str argument at `index` (Clinic's `subclass_of=&PyUnicode_Type`).
    pub fn str_arg(&self, vm: &Vm, bound: &Bound, index: usize) -> PyResult<Value> {
        let v = bound.get(index).cloned().unwrap_or(Value::None);
        if v.as_obj().and_then(|o| o.as_str()).is_some() {
            return Ok(v);
        }
        let name = self.names().nth(index).unwrap_or("?");
        Err(vm.type_error(format!(
            "{}() argument '{name}' must be str, not {}",
            self.name,
            vm.type_name(&v)
        )))
    }

    /// A truth-valued flag argument (absent is false).
    pub fn flag(vm: &mut Vm, bound: &Bound, index: usize) -> PyResult<bool> {
        match bound.get(index).cloned() {
            Some(v) => vm.is_true(&v),
            None => Ok(false),
        }
    }
}
