//! The `memoryview` type over `bytes` and `bytearray`: a window (offset, shape,
//! strides) on the exporter's bytes, read and written in place, with a native
//! single-character item format. A view of a bytearray counts as an export until it
//! is released (or freed), so the bytearray cannot be resized meanwhile.

use std::cell::Cell;

use crate::error::{PyErr, PyResult};
use crate::object::{Payload, PyObject};
use crate::objects::memoryview_format::ItemFormat;
use crate::value::Value;
use crate::vm::Vm;

/// A memoryview's state.
pub struct MemoryViewData {
    /// The exporting object (`bytes` or `bytearray`): the `obj` attribute.
    pub obj: Value,
    pub released: Cell<bool>,
    pub format: ItemFormat,
    pub readonly: bool,
    /// Byte offset of the first item in the exporter's buffer.
    pub offset: usize,
    /// Items per dimension (empty for a 0-dimensional view).
    pub shape: Vec<usize>,
    /// Bytes between consecutive items, per dimension.
    pub strides: Vec<isize>,
}

impl MemoryViewData {
    /// Registers an export on a bytearray exporter; the view must be released or
    /// dropped to end it.
    fn new(
        obj: Value,
        format: ItemFormat,
        readonly: bool,
        offset: usize,
        shape: Vec<usize>,
        strides: Vec<isize>,
    ) -> Self {
        if let Some(Payload::ByteArray(b)) = obj.payload() {
            b.exports.set(b.exports.get() + 1);
        }
        MemoryViewData {
            obj,
            released: Cell::new(false),
            format,
            readonly,
            offset,
            shape,
            strides,
        }
    }

    /// Ends the export (once).
    pub fn release(&self) {
        if self.released.replace(true) {
            return;
        }
        if let Some(Payload::ByteArray(b)) = self.obj.payload() {
            b.exports.set(b.exports.get().saturating_sub(1));
        }
    }

    pub fn item_count(&self) -> usize {
        self.shape.iter().product()
    }

    pub fn nbytes(&self) -> usize {
        self.item_count() * self.format.size
    }

    /// Whether the items are adjacent in C order.
    pub fn is_contiguous(&self) -> bool {
        let mut expected = self.format.size as isize;
        for (&n, &stride) in self.shape.iter().zip(&self.strides).rev() {
            if n > 1 && stride != expected {
                return false;
            }
            expected *= n as isize;
        }
        true
    }

    /// Byte offsets of every item, in C order.
    fn item_offsets(&self) -> Vec<usize> {
        let mut offsets = vec![self.offset as isize];
        for (&n, &stride) in self.shape.iter().zip(&self.strides) {
            offsets = offsets
                .iter()
                .flat_map(|&base| (0..n).map(move |k| base + k as isize * stride))
                .collect();
        }
        offsets.into_iter().map(|o| o.max(0) as usize).collect()
    }
}

impl Drop for MemoryViewData {
    fn drop(&mut self) {
        self.release();
    }
}

/// Runs `f` on the exporter's whole buffer.
fn with_buffer<R>(obj: &Value, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    match obj.payload() {
        Some(Payload::Bytes(b)) => Some(f(b)),
        Some(Payload::ByteArray(b)) => Some(f(&b.bytes.borrow())),
        _ => None,
    }
}

fn released_error(vm: &Vm) -> PyErr {
    vm.value_error("operation forbidden on released memoryview object")
}

/// The view's data, or ValueError once released.
pub fn live<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a MemoryViewData> {
    match v.payload() {
        Some(Payload::MemoryView(m)) if m.released.get() => Err(released_error(vm)),
        Some(Payload::MemoryView(m)) => Ok(m),
        _ => Err(vm.type_error(format!(
            "descriptor for 'memoryview' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))),
    }
}

fn new_view(vm: &Vm, data: MemoryViewData) -> Value {
    Value::obj(PyObject::new(
        vm.types().memoryview.clone(),
        Payload::MemoryView(Box::new(data)),
    ))
}

/// `memoryview(object)`.
pub fn construct(vm: &mut Vm, args: crate::objects::function::Args) -> PyResult<Value> {
    let pos = args.pos();
    let object = match (pos, args.kwargs().next()) {
        ([v], None) => v,
        ([], Some((k, v))) if crate::protocol::attr::name_str(k) == "object" => v,
        ([], _) => {
            return Err(vm.type_error("memoryview() missing required argument 'object' (pos 1)"))
        }
        _ => {
            let given = pos.len() + args.kwnames.len();
            return Err(vm.type_error(format!(
                "memoryview() takes at most 1 argument ({given} given)"
            )));
        }
    };
    view_of(vm, object)
}

/// A new full view of a bytes-like object.
pub fn view_of(vm: &Vm, object: &Value) -> PyResult<Value> {
    let data = match object.payload() {
        Some(Payload::Bytes(b)) => MemoryViewData::new(
            object.clone(),
            ItemFormat::BYTE,
            true,
            0,
            vec![b.len()],
            vec![1],
        ),
        Some(Payload::ByteArray(b)) => {
            let len = b.bytes.borrow().len();
            MemoryViewData::new(
                object.clone(),
                ItemFormat::BYTE,
                false,
                0,
                vec![len],
                vec![1],
            )
        }
        Some(Payload::MemoryView(_)) => {
            let m = live(vm, object)?;
            MemoryViewData::new(
                m.obj.clone(),
                m.format,
                m.readonly,
                m.offset,
                m.shape.clone(),
                m.strides.clone(),
            )
        }
        _ => {
            return Err(vm.type_error(format!(
                "memoryview: a bytes-like object is required, not '{}'",
                vm.type_name(object)
            )))
        }
    };
    Ok(new_view(vm, data))
}

/// The view's bytes in C order (`tobytes()`), or ValueError once released.
pub fn contiguous_bytes(vm: &Vm, m: &MemoryViewData) -> PyResult<Vec<u8>> {
    if m.released.get() {
        return Err(released_error(vm));
    }
    let size = m.format.size;
    let offsets = m.item_offsets();
    Ok(with_buffer(&m.obj, |buf| {
        let mut out = Vec::with_capacity(offsets.len() * size);
        for o in offsets {
            out.extend_from_slice(buf.get(o..o + size).unwrap_or(&[]));
        }
        out
    })
    .unwrap_or_default())
}

/// Every item unpacked, in C order (flat).
pub fn items(vm: &Vm, m: &MemoryViewData) -> PyResult<Vec<Value>> {
    let bytes = contiguous_bytes(vm, m)?;
    Ok(bytes
        .chunks(m.format.size.max(1))
        .map(|chunk| m.format.unpack(vm, chunk))
        .collect())
}

/// `len(m)`.
pub fn len(vm: &Vm, v: &Value) -> PyResult<usize> {
    let m = live(vm, v)?;
    m.shape
        .first()
        .copied()
        .ok_or_else(|| vm.type_error("0-dim memory has no length"))
}

/// The item at a flat position of a 1-dimensional view (for iteration).
pub fn item_at(vm: &Vm, v: &Value, i: usize) -> Option<Value> {
    let m = live(vm, v).ok()?;
    if m.shape.len() != 1 || i >= m.shape[0] {
        return None;
    }
    let at = (m.offset as isize + i as isize * m.strides[0]) as usize;
    let size = m.format.size;
    with_buffer(&m.obj, |buf| {
        buf.get(at..at + size).map(|b| m.format.unpack(vm, b))
    })
    .flatten()
}

/// The byte offset of item `key` of a 1-dimensional view.
fn index_offset(vm: &mut Vm, m: &MemoryViewData, key: &Value) -> PyResult<usize> {
    if m.shape.len() != 1 {
        return Err(vm.error(
            &vm.types().exc.not_implemented_error,
            "multi-dimensional sub-views are not implemented",
        ));
    }
    let i = vm.index_value(key)?;
    let n = m.shape[0] as isize;
    let j = if i < 0 { i + n } else { i };
    if !(0..n).contains(&j) {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    Ok((m.offset as isize + j * m.strides[0]) as usize)
}

fn is_index(vm: &Vm, key: &Value) -> bool {
    crate::protocol::number::as_int(key).is_some()
        || vm.lookup_special_heap(key, "__index__").is_some()
}

/// `m[key]`: an item, or a sub-view for a slice.
pub fn get_item(vm: &mut Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    if let Some(Payload::Slice(s)) = key.payload() {
        if m.shape.len() != 1 {
            return Err(vm.error(
                &vm.types().exc.not_implemented_error,
                "multi-dimensional slicing is not implemented",
            ));
        }
        let idx = vm.slice_indices(s, m.shape[0])?;
        let offset = (m.offset as isize + idx.start * m.strides[0]).max(0) as usize;
        let stride = m.strides[0] * idx.step;
        let data = MemoryViewData::new(
            m.obj.clone(),
            m.format,
            m.readonly,
            offset,
            vec![idx.len],
            vec![stride],
        );
        return Ok(new_view(vm, data));
    }
    if !is_index(vm, key) {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    let at = index_offset(vm, m, key)?;
    // The key's `__index__` may have released the view.
    if m.released.get() {
        return Err(released_error(vm));
    }
    let size = m.format.size;
    let item = with_buffer(&m.obj, |buf| {
        buf.get(at..at + size).map(|b| m.format.unpack(vm, b))
    });
    item.flatten()
        .ok_or_else(|| vm.index_error("index out of bounds on dimension 1"))
}

/// `m[key] = value`: writes through to the exporter.
pub fn set_item(vm: &mut Vm, v: &Value, key: &Value, value: &Value) -> PyResult<()> {
    let m = live(vm, v)?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let Some(Payload::ByteArray(target)) = m.obj.payload() else {
        return Err(vm.type_error("cannot modify read-only memory"));
    };
    let size = m.format.size;
    let writes: Vec<(usize, Vec<u8>)> = if let Some(Payload::Slice(s)) = key.payload() {
        if m.shape.len() != 1 {
            return Err(vm.error(
                &vm.types().exc.not_implemented_error,
                "memoryview slice assignments are currently restricted to ndim = 1",
            ));
        }
        let idx = vm.slice_indices(s, m.shape[0])?;
        let source = crate::objects::buffer::bytes_like(vm, value)?.ok_or_else(|| {
            vm.type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(value)
            ))
        })?;
        if source.len() != idx.len * size {
            return Err(vm.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        idx.positions()
            .zip(source.chunks(size.max(1)))
            .map(|(p, chunk)| {
                let at = (m.offset as isize + p as isize * m.strides[0]) as usize;
                (at, chunk.to_vec())
            })
            .collect()
    } else {
        if !is_index(vm, key) {
            return Err(vm.type_error("memoryview: invalid slice key"));
        }
        let at = index_offset(vm, m, key)?;
        vec![(at, m.format.pack(vm, value)?)]
    };
    // The key's or value's `__index__` may have released the view.
    if m.released.get() {
        return Err(released_error(vm));
    }
    let mut bytes = target.bytes.borrow_mut();
    for (at, chunk) in writes {
        if let Some(slot) = bytes.get_mut(at..at + chunk.len()) {
            slot.copy_from_slice(&chunk);
        }
    }
    Ok(())
}

/// `m == other`: equal item values, for any bytes-like `other`; `None` when `other`
/// is not one. A released view equals only itself.
pub fn equal(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    let released =
        |v: &Value| matches!(v.payload(), Some(Payload::MemoryView(m)) if m.released.get());
    if a.is(b) {
        return Ok(Some(true));
    }
    if released(a) || released(b) {
        return Ok(Some(false));
    }
    let (Some(x), Some(y)) = (comparable_items(vm, a)?, comparable_items(vm, b)?) else {
        return Ok(None);
    };
    let (xs, ys) = (vm.new_list(x), vm.new_list(y));
    vm.eq(&xs, &ys).map(Some)
}

/// The flat items of a memoryview, or of bytes/bytearray as unsigned bytes.
fn comparable_items(vm: &Vm, v: &Value) -> PyResult<Option<Vec<Value>>> {
    match v.payload() {
        Some(Payload::MemoryView(m)) => items(vm, m).map(Some),
        _ => Ok(crate::objects::buffer::bytes_like(vm, v)?
            .map(|b| b.iter().map(|&x| Value::Int(x as i64)).collect())),
    }
}

/// `hash(m)`: only for read-only views of byte formats, equal to the bytes' hash.
pub fn hash(vm: &Vm, v: &Value) -> PyResult<i64> {
    let m = live(vm, v)?;
    if !m.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    if !m.format.is_byte_format() {
        return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    Ok(crate::objects::str::hash_bytes(&contiguous_bytes(vm, m)?))
}

/// `repr(m)`.
pub fn repr(m: &MemoryViewData, v: &Value) -> String {
    let state = if m.released.get() { "released " } else { "" };
    format!("<{state}memory at {:#x}>", v.id())
}

/// A copy of the view with another format and shape (for `cast`).
pub fn recast(vm: &Vm, m: &MemoryViewData, format: ItemFormat, shape: Vec<usize>) -> Value {
    let mut strides = vec![0isize; shape.len()];
    let mut step = format.size as isize;
    for (stride, &n) in strides.iter_mut().zip(&shape).rev() {
        *stride = step;
        step *= n as isize;
    }
    new_view(
        vm,
        MemoryViewData::new(m.obj.clone(), format, m.readonly, m.offset, shape, strides),
    )
}

/// A read-only copy of the view (`toreadonly()`).
pub fn readonly_copy(vm: &Vm, m: &MemoryViewData) -> Value {
    new_view(
        vm,
        MemoryViewData::new(
            m.obj.clone(),
            m.format,
            true,
            m.offset,
            m.shape.clone(),
            m.strides.clone(),
        ),
    )
}
