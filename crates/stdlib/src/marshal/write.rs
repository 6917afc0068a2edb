//! Serializing a value in CPython's marshal format (`w_object`). Objects referenced
//! more than once are written once and then as back-references (`FLAG_REF`/`r`),
//! from version 3 on. CPython decides by reference count whether an object may be
//! shared; adder does the same with its reference counts, and treats unboxed ints and
//! floats as shared by value (CPython's constants are shared objects).

use std::collections::HashMap;
use std::rc::Rc;

use adder_numeric::BigInt;
use adder_vm::object::{ObjRef, Payload};
use adder_vm::objects::buffer::bytes_like;
use adder_vm::{PyResult, Value, Vm};
use dashu_base::UnsignedAbs;

use super::codes::*;
use super::MAX_DEPTH;

/// What identifies an object in the reference table.
#[derive(Hash, PartialEq, Eq)]
enum Identity {
    Object(*const adder_vm::object::PyObject),
    Int(i64),
    Float(u64),
}

struct Writer<'a> {
    out: Vec<u8>,
    version: i32,
    refs: HashMap<Identity, u32>,
    depth: usize,
    /// Keeps every object in `refs` alive, so that no address is reused meanwhile.
    kept: Vec<Value>,
    vm: &'a mut Vm,
}

/// `value` in marshal format `version`.
pub fn serialize(vm: &mut Vm, value: &Value, version: i32) -> PyResult<Vec<u8>> {
    serialize_at(vm, value, version, 0)
}

/// `value` alone, `depth` levels down in an enclosing value (for set elements).
fn serialize_at(vm: &mut Vm, value: &Value, version: i32, depth: usize) -> PyResult<Vec<u8>> {
    let mut w = Writer {
        out: Vec::new(),
        version,
        refs: HashMap::new(),
        depth,
        kept: Vec::new(),
        vm,
    };
    w.value(value)?;
    Ok(w.out)
}

fn unmarshallable(vm: &Vm) -> adder_vm::PyErr {
    vm.value_error("unmarshallable object")
}

/// Whether CPython would have interned this string constant: all ASCII name
/// characters, or a single Latin-1 character (a cached singleton).
fn looks_interned(s: &adder_vm::objects::str::PyStr) -> bool {
    let text = s.as_str();
    (s.is_ascii() && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
        || (s.char_len() == 1 && s.code_point_at(0).is_some_and(|c| c < 256))
}

impl Writer<'_> {
    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn long(&mut self, n: i32) {
        self.out.extend_from_slice(&n.to_le_bytes());
    }

    fn size(&mut self, n: usize) -> PyResult<()> {
        let n = i32::try_from(n).map_err(|_| unmarshallable(self.vm))?;
        self.long(n);
        Ok(())
    }

    fn float_bits(&mut self, f: f64) {
        self.out.extend_from_slice(&f.to_le_bytes());
    }

    /// A float as text (versions 0 and 1): a length byte and C's `%.17g`.
    fn float_text(&mut self, f: f64) {
        let text = format_g17(f);
        self.byte(text.len() as u8);
        self.out.extend_from_slice(text.as_bytes());
    }

    /// CPython's `w_ref`: `Some(flag)` to write the object (with the flag to or into its
    /// code), `None` when a back-reference was written instead.
    fn reference(&mut self, identity: Identity, shared: bool, keep: &Value) -> Option<u8> {
        if self.version < 3 || !shared {
            return Some(0);
        }
        if let Some(&index) = self.refs.get(&identity) {
            self.byte(REF);
            self.long(index as i32);
            return None;
        }
        let index = self.refs.len() as u32;
        self.refs.insert(identity, index);
        self.kept.push(keep.clone());
        Some(FLAG_REF)
    }

    fn value(&mut self, v: &Value) -> PyResult<()> {
        self.depth += 1;
        let result = if self.depth > MAX_DEPTH {
            Err(self.vm.value_error("object too deeply nested to marshal"))
        } else {
            self.value_inner(v)
        };
        self.depth -= 1;
        result
    }

    fn value_inner(&mut self, v: &Value) -> PyResult<()> {
        match v {
            Value::Null => self.byte(NULL),
            Value::None => self.byte(NONE),
            Value::Bool(true) => self.byte(TRUE),
            Value::Bool(false) => self.byte(FALSE),
            Value::Int(i) => {
                if let Some(flag) = self.reference(Identity::Int(*i), true, v) {
                    self.int(*i, flag);
                }
            }
            Value::Float(f) => {
                if let Some(flag) = self.reference(Identity::Float(f.to_bits()), true, v) {
                    self.float(*f, flag);
                }
            }
            Value::Obj(o) => self.object(v, o)?,
        }
        Ok(())
    }

    fn int(&mut self, i: i64, flag: u8) {
        match i32::try_from(i) {
            Ok(small) => {
                self.byte(INT | flag);
                self.long(small);
            }
            Err(_) => self.big_int(&BigInt::from(i), flag),
        }
    }

    /// `TYPE_LONG`: the signed count of 15-bit digits, then the digits, least
    /// significant first.
    fn big_int(&mut self, b: &BigInt, flag: u8) {
        let negative = *b < BigInt::from(0);
        let bytes = b.clone().unsigned_abs().to_le_bytes();
        let bits = bytes.len() * 8;
        let mut digits: Vec<u16> = (0..bits.div_ceil(15))
            .map(|d| {
                (0..15).fold(0u16, |acc, k| {
                    let bit = d * 15 + k;
                    let set = bytes
                        .get(bit / 8)
                        .is_some_and(|byte| byte >> (bit % 8) & 1 == 1);
                    acc | (u16::from(set) << k)
                })
            })
            .collect();
        while digits.last() == Some(&0) {
            digits.pop();
        }
        self.byte(LONG | flag);
        let n = digits.len() as i32;
        self.long(if negative { -n } else { n });
        for d in digits {
            self.out.extend_from_slice(&d.to_le_bytes());
        }
    }

    fn float(&mut self, f: f64, flag: u8) {
        if self.version > 1 {
            self.byte(BINARY_FLOAT | flag);
            self.float_bits(f);
        } else {
            self.byte(FLOAT | flag);
            self.float_text(f);
        }
    }

    fn object(&mut self, v: &Value, o: &ObjRef) -> PyResult<()> {
        let kind = match kind_of(self.vm, v, o, self.version)? {
            Some(kind) => kind,
            None => return Err(unmarshallable(self.vm)),
        };
        match kind {
            Kind::Ellipsis => {
                self.byte(ELLIPSIS);
                return Ok(());
            }
            Kind::StopIteration => {
                self.byte(STOPITER);
                return Ok(());
            }
            _ => {}
        }
        let interned = matches!(&o.payload, Payload::Str(s) if looks_interned(s));
        // Two references are ours (the copy of the container's items, or of the
        // arguments, that is being written); CPython counts only the others.
        let shared = Rc::strong_count(o) > 2 || interned;
        let Some(flag) = self.reference(Identity::Object(Rc::as_ptr(o)), shared, v) else {
            return Ok(());
        };
        match (&o.payload, kind) {
            (Payload::Int(b), Kind::Int) => match i64::try_from(b) {
                Ok(i) => self.int(i, flag),
                Err(_) => self.big_int(b, flag),
            },
            (Payload::Float(f), Kind::Float) => self.float(*f, flag),
            (Payload::Complex(z), Kind::Complex) => {
                if self.version > 1 {
                    self.byte(BINARY_COMPLEX | flag);
                    self.float_bits(z.re);
                    self.float_bits(z.im);
                } else {
                    self.byte(COMPLEX | flag);
                    self.float_text(z.re);
                    self.float_text(z.im);
                }
            }
            (Payload::Str(s), Kind::Str) => self.string(v, s, interned, flag)?,
            (Payload::Tuple(items), Kind::Tuple) => {
                if self.version >= 4 && items.len() < 256 {
                    self.byte(SMALL_TUPLE | flag);
                    self.byte(items.len() as u8);
                } else {
                    self.byte(TUPLE | flag);
                    self.size(items.len())?;
                }
                // Written from a copy like the other containers: the reference-count
                // baseline of the elements is then the same for all of them.
                let copy = items.to_vec();
                self.values(&copy)?;
            }
            (Payload::List(items), Kind::List) => {
                let items = items.borrow().clone();
                self.byte(LIST | flag);
                self.size(items.len())?;
                self.values(&items)?;
            }
            (Payload::Dict(d), Kind::Dict) => {
                let pairs: Vec<(Value, Value)> = d
                    .borrow()
                    .iter()
                    .filter(|e| !e.key.is_null())
                    .map(|e| (e.key.clone(), e.value.clone()))
                    .collect();
                self.byte(DICT | flag);
                for (key, value) in &pairs {
                    self.value(key)?;
                    self.value(value)?;
                }
                self.byte(NULL);
            }
            (Payload::Set(s), Kind::Set(code)) => {
                let items: Vec<Value> = s.borrow().entries().into_iter().map(|(k, _)| k).collect();
                self.byte(code | flag);
                self.size(items.len())?;
                self.set_items(&items)?;
            }
            (Payload::Slice(s), Kind::Slice) => {
                self.byte(SLICE | flag);
                self.values(&[s.start.clone(), s.stop.clone(), s.step.clone()])?;
            }
            _ => {
                let data = bytes_like(self.vm, v)?.unwrap_or_default().into_owned();
                self.byte(STRING | flag);
                self.size(data.len())?;
                self.out.extend_from_slice(&data);
            }
        }
        Ok(())
    }

    fn values(&mut self, items: &[Value]) -> PyResult<()> {
        items.iter().try_for_each(|item| self.value(item))
    }

    /// Set elements in the order of their own marshalled bytes (CPython sorts them so
    /// that the output does not depend on hashing).
    fn set_items(&mut self, items: &[Value]) -> PyResult<()> {
        let mut encoded = Vec::with_capacity(items.len());
        for item in items {
            let bytes = serialize_at(self.vm, item, self.version, self.depth)?;
            encoded.push((bytes, item));
        }
        encoded.sort_by(|a, b| a.0.cmp(&b.0));
        encoded.iter().try_for_each(|(_, item)| self.value(item))
    }

    fn string(
        &mut self,
        v: &Value,
        s: &adder_vm::objects::str::PyStr,
        interned: bool,
        flag: u8,
    ) -> PyResult<()> {
        if self.version >= 4 && s.is_ascii() {
            let short = s.char_len() < 256;
            let code = match (short, interned) {
                (true, true) => SHORT_ASCII_INTERNED,
                (true, false) => SHORT_ASCII,
                (false, true) => ASCII_INTERNED,
                (false, false) => ASCII,
            };
            self.byte(code | flag);
            if short {
                self.byte(s.char_len() as u8);
            } else {
                self.size(s.char_len())?;
            }
            self.out.extend_from_slice(s.as_str().as_bytes());
            return Ok(());
        }
        let data = if s.has_surrogates() {
            let encoded = crate::args::call_method(
                self.vm,
                v,
                "encode",
                &[self.vm.new_str("utf-8"), self.vm.new_str("surrogatepass")],
            )?;
            bytes_like(self.vm, &encoded)?
                .unwrap_or_default()
                .into_owned()
        } else {
            s.as_str().as_bytes().to_vec()
        };
        let code = if interned && self.version >= 3 {
            INTERNED
        } else {
            UNICODE
        };
        self.byte(code | flag);
        self.size(data.len())?;
        self.out.extend_from_slice(&data);
        Ok(())
    }
}

/// Which kind of marshallable object `o` is (exact types only, as CPython), `None`
/// when it cannot be marshalled.
fn kind_of(vm: &Vm, v: &Value, o: &ObjRef, version: i32) -> PyResult<Option<Kind>> {
    let types = vm.types();
    if matches!(&types.ellipsis, Value::Obj(e) if Rc::ptr_eq(e, o)) {
        return Ok(Some(Kind::Ellipsis));
    }
    if Rc::ptr_eq(&types.exc.stop_iteration, o) {
        return Ok(Some(Kind::StopIteration));
    }
    let class = vm.class_of(o);
    let exact = |t: &ObjRef| Rc::ptr_eq(&class, t);
    Ok(Some(match &o.payload {
        Payload::Int(_) if exact(&types.int) => Kind::Int,
        // A NaN float is a heap object of its own (see `float_new`).
        Payload::Float(_) if exact(&types.float) => Kind::Float,
        Payload::Complex(_) if exact(&types.complex) => Kind::Complex,
        Payload::Str(_) if exact(&types.str_) => Kind::Str,
        Payload::Tuple(_) if exact(&types.tuple) => Kind::Tuple,
        Payload::List(_) if exact(&types.list) => Kind::List,
        Payload::Dict(_) if exact(&types.dict) => Kind::Dict,
        Payload::Set(_) if exact(&types.set) => Kind::Set(SET),
        Payload::Set(_) if exact(&types.frozenset) => Kind::Set(FROZENSET),
        Payload::Slice(_) if version >= 5 => Kind::Slice,
        _ if bytes_like(vm, v)?.is_some() => Kind::Bytes,
        _ => return Ok(None),
    }))
}

enum Kind {
    Ellipsis,
    StopIteration,
    Int,
    Float,
    Complex,
    Str,
    Tuple,
    List,
    Dict,
    Set(u8),
    Slice,
    Bytes,
}

/// C's `%.17g` (what CPython's text floats use): 17 significant digits, trailing
/// zeros dropped, exponent form when the exponent is below -4 or at least 17.
fn format_g17(f: f64) -> String {
    if !f.is_finite() {
        return adder_numeric::float_repr(f);
    }
    let scientific = format!("{f:.16e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let trim = |s: String| -> String {
        if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    if (-4..17).contains(&exponent) {
        let decimals = (16 - exponent).max(0) as usize;
        trim(format!("{f:.decimals$}"))
    } else {
        let sign = if exponent < 0 { '-' } else { '+' };
        format!("{}e{sign}{:02}", trim(mantissa.to_string()), exponent.abs())
    }
}
