//! Turning a compiled `CodeObject` (and the code objects nested in its constants) into
//! the VM's code object, with constants made into Python values and names interned.
//!
//! One compiled module repeats the same names in many code objects (`self` in every
//! method, the same globals in every function): a conversion remembers the str object
//! it interned for each text, so that a repeated name costs a cheap word hash (and
//! usually a pointer comparison: the compiler shares one text per name) instead of
//! another (keyed) lookup in the interpreter's table.

use std::rc::Rc;

use adder_bytecode::{CodeObject, Constant, LocalKind};
use adder_compiler::fast_hash::{same_text, text_tag};
use adder_compiler::hash_index::HashIndex;

use crate::object::{ObjRef, Payload, PyObject};
use crate::objects::code::CodeData;
use crate::value::Value;
use crate::vm::Vm;

/// Whether a conversion validates the code it converts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Checks {
    /// Code from anywhere (cache files, `code.replace`): validated, and made safe.
    Validate,
    /// Code adder's compiler has just produced, valid by construction: checked in
    /// debug builds only (validation is a pass over every code unit, which was 40% of
    /// the conversion's time in a compile of the standard library).
    CompiledHere,
}

/// The conversion of one compiled code object tree.
pub(super) struct CodeConversion<'vm> {
    vm: &'vm Vm,
    /// Whether the code comes straight from adder's compiler (see [`Checks`]).
    checks: Checks,
    /// The texts this conversion interned, and their str objects at the same positions.
    texts: Vec<Rc<str>>,
    strs: Vec<Value>,
    /// Text → position in `texts`.
    index: HashIndex,
}

/// Distinct names and identifier-like constants of a typical module: room for them
/// from the start.
const TYPICAL_MODULE_TEXTS: usize = 128;

impl<'vm> CodeConversion<'vm> {
    pub fn new(vm: &'vm Vm, checks: Checks) -> CodeConversion<'vm> {
        CodeConversion {
            vm,
            checks,
            texts: Vec::with_capacity(TYPICAL_MODULE_TEXTS),
            strs: Vec::with_capacity(TYPICAL_MODULE_TEXTS),
            index: HashIndex::with_capacity(TYPICAL_MODULE_TEXTS),
        }
    }

    /// The code object for `code`, nested code objects included.
    pub fn code_object(&mut self, code: Rc<CodeObject>) -> ObjRef {
        let code = match self.checks {
            Checks::Validate => validated(code),
            Checks::CompiledHere => {
                debug_assert!(
                    adder_bytecode::validate::sanitize(&code).is_none(),
                    "adder's compiler produced invalid code for {}",
                    code.qualname
                );
                code
            }
        };
        let consts = code.consts.iter().map(|c| self.constant(c)).collect();
        // Names are interned, as CPython does, so that namespace lookups by these names
        // find the stored keys by identity instead of comparing text.
        let names = code.names.iter().map(|n| self.intern(n)).collect();
        let localsplus_names = code
            .localsplus_names
            .iter()
            .map(|n| self.intern(n))
            .collect();
        let cell_slots = code
            .localsplus_kinds
            .iter()
            .enumerate()
            .filter(|(_, k)| k.is(LocalKind::CELL))
            .map(|(i, _)| i)
            .collect();
        Rc::new(PyObject::new(
            self.vm.types().code.clone(),
            Payload::Code(Box::new(CodeData::new(
                code,
                consts,
                names,
                localsplus_names,
                cell_slots,
            ))),
        ))
    }

    fn constant(&mut self, c: &Constant) -> Value {
        let vm = self.vm;
        match c {
            Constant::None => Value::None,
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Ellipsis => vm.types().ellipsis.clone(),
            Constant::Int(i) => vm.new_int(i.clone()),
            Constant::Float(f) => Value::Float(*f),
            Constant::Complex { real, imag } => crate::objects::complex::new_complex(
                vm,
                adder_numeric::complex::Complex::new(*real, *imag),
            ),
            Constant::Str(s) if is_identifier_like(s) => self.intern(s),
            Constant::Str(s) => vm.new_str(s),
            Constant::SurrogateStr(points) => vm.new_str_obj(
                crate::objects::str::PyStr::from_code_points(points.iter().copied()),
            ),
            Constant::Bytes(b) => crate::objects::bytes::new_bytes(vm, b.to_vec()),
            Constant::Tuple(items) => {
                let items = items.iter().map(|i| self.constant(i)).collect();
                vm.new_tuple(items)
            }
            Constant::FrozenSet(items) => {
                let items = items.iter().map(|i| self.constant(i)).collect();
                crate::objects::set::frozenset_of_constants(vm, items)
            }
            Constant::Code(code) => Value::Obj(self.code_object(code.clone())),
            Constant::Slice(parts) => {
                let [a, b, c] =
                    [0, 1, 2].map(|i| parts.get(i).map_or(Value::None, |p| self.constant(p)));
                vm.new_slice(a, b, c)
            }
        }
    }

    /// The interned str for `text`.
    fn intern(&mut self, text: &Rc<str>) -> Value {
        let tag = text_tag(text);
        let texts = &self.texts;
        if let Some(i) = self
            .index
            .find(tag, |i| same_text(&texts[i as usize], text))
        {
            return self.strs[i as usize].clone();
        }
        let v = self.vm.intern(text);
        // A code object tree has far fewer than 2**32 names (its source would be larger
        // than the parser accepts).
        self.index.insert(tag, self.texts.len() as u32);
        self.texts.push(text.clone());
        self.strs.push(v.clone());
        v
    }
}

/// `code` made safe for the eval loop's unchecked fetches and local accesses (see
/// `adder_bytecode::validate`): compiled code passes unchanged; forged or damaged
/// code gets its faulty instructions turned into CACHE units, which raise SystemError.
fn validated(code: Rc<CodeObject>) -> Rc<CodeObject> {
    match adder_bytecode::validate::sanitize(&code) {
        None => code,
        Some((units, handlers)) => {
            let mut fixed = (*code).clone();
            fixed.code = units;
            fixed.exception_table = handlers;
            Rc::new(fixed)
        }
    }
}

/// CPython interns string constants made only of name characters.
fn is_identifier_like(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}
