//! Reading CPython's marshal format (`r_object`), from bytes or from a binary file
//! (read piece by piece, so that the file is left just after the value). Every size
//! is checked against what is available, and nesting is bounded.

use adder_numeric::BigInt;
use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::dict;
use adder_vm::objects::float_new::new_float;
use adder_vm::{PyErr, PyResult, Value, Vm};
use dashu_int::UBig;

use super::codes::*;
use super::MAX_DEPTH;

enum Source {
    Bytes { data: Vec<u8>, pos: usize },
    File(Value),
}

pub struct Reader {
    source: Source,
    /// Objects entered with `FLAG_REF`, by index (`None`: reserved, being read).
    refs: Vec<Option<Value>>,
    depth: usize,
}

fn bad(vm: &Vm, what: &str) -> PyErr {
    vm.value_error(format!("bad marshal data ({what})"))
}

fn eof(vm: &Vm, message: &str) -> PyErr {
    PyErr(vm.new_exception(&vm.types().exc.eof_error.clone(), vec![vm.new_str(message)]))
}

impl Reader {
    pub fn from_bytes(data: Vec<u8>) -> Reader {
        Reader::new(Source::Bytes { data, pos: 0 })
    }

    pub fn from_file(file: Value) -> Reader {
        Reader::new(Source::File(file))
    }

    fn new(source: Source) -> Reader {
        Reader {
            source,
            refs: Vec::new(),
            depth: 0,
        }
    }

    /// The next `n` bytes, or EOFError "marshal data too short".
    fn take(&mut self, vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
        match &mut self.source {
            Source::Bytes { data, pos } => {
                let end = pos
                    .checked_add(n)
                    .filter(|&end| end <= data.len())
                    .ok_or_else(|| eof(vm, "marshal data too short"))?;
                let out = data.get(*pos..end).unwrap_or_default().to_vec();
                *pos = end;
                Ok(out)
            }
            Source::File(file) => {
                let file = file.clone();
                let got = crate::args::call_method(vm, &file, "read", &[Value::Int(n as i64)])?;
                let bytes = adder_vm::objects::buffer::bytes_like(vm, &got)?
                    .ok_or_else(|| {
                        vm.type_error(format!(
                            "file.read() returned not bytes but {}",
                            vm.type_name(&got)
                        ))
                    })?
                    .into_owned();
                if bytes.len() > n {
                    return Err(vm.value_error(format!(
                        "read() returned too much data. {n} bytes requested, {} returned",
                        bytes.len()
                    )));
                }
                if bytes.len() < n {
                    return Err(eof(vm, "EOF read where not expected"));
                }
                Ok(bytes)
            }
        }
    }

    fn byte(&mut self, vm: &mut Vm) -> PyResult<u8> {
        Ok(self.take(vm, 1)?.first().copied().unwrap_or(0))
    }

    fn long(&mut self, vm: &mut Vm) -> PyResult<i32> {
        let b = self.take(vm, 4)?;
        Ok(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A non-negative size, else "bad marshal data (`what` size out of range)".
    fn size(&mut self, vm: &mut Vm, what: &str) -> PyResult<usize> {
        let n = self.long(vm)?;
        usize::try_from(n).map_err(|_| bad(vm, &format!("{what} size out of range")))
    }

    fn f64_bits(&mut self, vm: &mut Vm) -> PyResult<f64> {
        let b = self.take(vm, 8)?;
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(&b);
        Ok(f64::from_le_bytes(bytes))
    }

    /// A float as text: a length byte and the digits.
    fn f64_text(&mut self, vm: &mut Vm) -> PyResult<f64> {
        let n = self.byte(vm)? as usize;
        let text = self.take(vm, n)?;
        let text = String::from_utf8_lossy(&text).into_owned();
        let float_type = Value::Obj(vm.types().float.clone());
        let v = vm.call(&float_type, &[vm.new_str(&text)])?;
        Ok(adder_vm::protocol::number::as_float(&v).unwrap_or(0.0))
    }

    /// Read one value; EOFError when the data ends first.
    pub fn read_value(&mut self, vm: &mut Vm) -> PyResult<Value> {
        let v = self.object(vm)?;
        if v.is_null() {
            return Err(vm.type_error("NULL object in marshal data for object"));
        }
        Ok(v)
    }

    fn object(&mut self, vm: &mut Vm) -> PyResult<Value> {
        self.depth += 1;
        let result = if self.depth > MAX_DEPTH {
            Err(vm.value_error("recursion limit exceeded"))
        } else {
            self.object_inner(vm)
        };
        self.depth -= 1;
        result
    }

    /// An element of a container: NULL is an error there.
    fn element(&mut self, vm: &mut Vm, container: &str) -> PyResult<Value> {
        let v = self.object(vm)?;
        if v.is_null() {
            return Err(vm.type_error(format!("NULL object in marshal data for {container}")));
        }
        Ok(v)
    }

    fn object_inner(&mut self, vm: &mut Vm) -> PyResult<Value> {
        let code = match self.take(vm, 1) {
            Ok(b) => b.first().copied().unwrap_or(0),
            Err(e)
                if vm.is_instance(&Value::Obj(e.0.clone()), &vm.types().exc.eof_error.clone()) =>
            {
                return Err(eof(vm, "EOF read where object expected"))
            }
            Err(e) => return Err(e),
        };
        let flagged = code & FLAG_REF != 0;
        let code = code & !FLAG_REF;
        // Containers reserve their slot before their elements are read (as CPython).
        let slot = flagged.then(|| {
            self.refs.push(None);
            self.refs.len() - 1
        });
        let v = match code {
            NULL => Value::Null,
            NONE => Value::None,
            FALSE => Value::Bool(false),
            TRUE => Value::Bool(true),
            ELLIPSIS => vm.types().ellipsis.clone(),
            STOPITER => Value::Obj(vm.types().exc.stop_iteration.clone()),
            INT => Value::Int(self.long(vm)?.into()),
            LONG => self.big_int(vm)?,
            BINARY_FLOAT => {
                let f = self.f64_bits(vm)?;
                new_float(vm, f)
            }
            FLOAT => {
                let f = self.f64_text(vm)?;
                new_float(vm, f)
            }
            BINARY_COMPLEX | COMPLEX => {
                let (re, im) = if code == BINARY_COMPLEX {
                    (self.f64_bits(vm)?, self.f64_bits(vm)?)
                } else {
                    (self.f64_text(vm)?, self.f64_text(vm)?)
                };
                adder_vm::objects::complex::new_complex(
                    vm,
                    adder_numeric::complex::Complex { re, im },
                )
            }
            STRING => {
                let n = self.size(vm, "bytes object")?;
                let data = self.take(vm, n)?;
                new_bytes(vm, data)
            }
            UNICODE | INTERNED => {
                let n = self.size(vm, "string")?;
                let data = self.take(vm, n)?;
                let data = new_bytes(vm, data);
                crate::args::call_method(
                    vm,
                    &data,
                    "decode",
                    &[vm.new_str("utf-8"), vm.new_str("surrogatepass")],
                )?
            }
            ASCII | ASCII_INTERNED | SHORT_ASCII | SHORT_ASCII_INTERNED => {
                let n = if matches!(code, SHORT_ASCII | SHORT_ASCII_INTERNED) {
                    self.byte(vm)? as usize
                } else {
                    self.size(vm, "string")?
                };
                let data = self.take(vm, n)?;
                let data = new_bytes(vm, data);
                crate::args::call_method(vm, &data, "decode", &[vm.new_str("latin-1")])?
            }
            SMALL_TUPLE | TUPLE => {
                let n = if code == SMALL_TUPLE {
                    self.byte(vm)? as usize
                } else {
                    self.size(vm, "tuple")?
                };
                let items = self.elements(vm, n, "tuple")?;
                vm.new_tuple(items)
            }
            LIST => {
                let n = self.size(vm, "list")?;
                let list = vm.new_list(Vec::new());
                self.fill(slot, &list);
                let items = self.elements(vm, n, "list")?;
                if let Some(adder_vm::object::Payload::List(l)) = list.payload() {
                    *l.borrow_mut() = items;
                }
                list
            }
            DICT => {
                let d = vm.new_dict();
                let dict_value = Value::Obj(d.clone());
                self.fill(slot, &dict_value);
                loop {
                    let key = self.object(vm)?;
                    if key.is_null() {
                        break;
                    }
                    let value = self.object(vm)?;
                    if value.is_null() {
                        break;
                    }
                    dict::set_item(vm, &d, key, value)?;
                }
                dict_value
            }
            SET | FROZENSET => {
                let n = self.size(vm, "set")?;
                let items = self.elements(vm, n, "set")?;
                let list = vm.new_list(items);
                let class = if code == SET {
                    vm.types().set.clone()
                } else {
                    vm.types().frozenset.clone()
                };
                vm.call(&Value::Obj(class), &[list])?
            }
            SLICE => {
                let items = self.elements(vm, 3, "slice")?;
                let [start, stop, step] =
                    <[Value; 3]>::try_from(items).map_err(|_| bad(vm, "slice"))?;
                vm.new_slice(start, stop, step)
            }
            REF => {
                let index = self.long(vm)?;
                let found = usize::try_from(index)
                    .ok()
                    .and_then(|i| self.refs.get(i).cloned().flatten());
                return found.ok_or_else(|| bad(vm, "invalid reference"));
            }
            _ => return Err(bad(vm, "unknown type code")),
        };
        self.fill(slot, &v);
        Ok(v)
    }

    /// Enter `v` in its reserved reference slot, if it has one.
    fn fill(&mut self, slot: Option<usize>, v: &Value) {
        if let Some(entry) = slot.and_then(|i| self.refs.get_mut(i)) {
            *entry = Some(v.clone());
        }
    }

    fn elements(&mut self, vm: &mut Vm, n: usize, container: &str) -> PyResult<Vec<Value>> {
        let mut items = Vec::new();
        for _ in 0..n {
            items.push(self.element(vm, container)?);
        }
        Ok(items)
    }

    /// `TYPE_LONG`: a signed digit count, then 15-bit digits, least significant first.
    /// The digits are packed into little-endian bytes as they come (linear time; the
    /// buffer only grows with data actually read).
    fn big_int(&mut self, vm: &mut Vm) -> PyResult<Value> {
        let n = self.long(vm)?;
        if n == i32::MIN {
            return Err(bad(vm, "long size out of range"));
        }
        let count = n.unsigned_abs() as usize;
        let mut bytes = Vec::new();
        let mut pending: u32 = 0;
        let mut pending_bits = 0;
        let mut last = 0u16;
        for _ in 0..count {
            let b = self.take(vm, 2)?;
            let digit = u16::from_le_bytes([b[0], b[1]]);
            if digit >= 1 << 15 {
                return Err(bad(vm, "digit out of range in long"));
            }
            pending |= u32::from(digit) << pending_bits;
            pending_bits += 15;
            while pending_bits >= 8 {
                bytes.push(pending as u8);
                pending >>= 8;
                pending_bits -= 8;
            }
            last = digit;
        }
        if pending_bits > 0 {
            bytes.push(pending as u8);
        }
        if count > 0 && last == 0 {
            return Err(bad(vm, "unnormalized long data"));
        }
        let value = BigInt::from(UBig::from_le_bytes(&bytes));
        Ok(vm.new_int(if n < 0 { -value } else { value }))
    }
}
