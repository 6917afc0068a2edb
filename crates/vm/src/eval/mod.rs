//! The evaluation loop (CPython's `Python/ceval.c` + `bytecodes.c`).
//!
//! One Rust loop runs Python frames: a call to a Python function pushes a frame on the
//! thread's frame stack and the loop carries on in it, and a return pops back, so deep
//! Python recursion never deepens the Rust stack. The loop re-enters Rust recursively
//! only when native code calls back into Python (`sorted(key=f)`, `__eq__`...), and
//! that depth is bounded by `MAX_NATIVE_DEPTH`.

mod exceptions;
pub mod generator;
mod inline_cache;
mod ops;

use adder_bytecode::{CodeUnit, Opcode};

use crate::error::PyResult;
use crate::frame::Frame;
use crate::object::Payload;
use crate::objects::code::CodeData;
use crate::protocol::number::{NB_ADD, NB_INPLACE_ADD, NB_SUBSCR};
use crate::value::{Scalar, Value};
use crate::vm::Vm;

/// How deep native code may nest calls back into the VM before RecursionError. The
/// interpreter thread gets a stack large enough for this (see `adder`'s `main`).
pub const MAX_NATIVE_DEPTH: usize = 4000;

/// Decoded opcode.
#[inline(always)]
fn decode(unit: CodeUnit) -> Opcode {
    // SAFETY: `Vm::code_object` replaces every byte that is not an opcode with CACHE
    // (which raises SystemError when executed), so every byte here is a valid `Opcode`
    // discriminant of the `#[repr(u8)]` enum.
    unsafe { std::mem::transmute::<u8, Opcode>(unit.op) }
}

/// What an instruction handler tells the loop.
pub(crate) enum Flow {
    /// Carry on with the (possibly new) top frame.
    Continue,
    /// The frame the loop was entered with returned this value.
    Return(Value),
}

impl Vm {
    /// Run `frame` to completion and return its result.
    pub fn run_frame(&mut self, frame: Box<Frame>) -> PyResult<Value> {
        let limit = self.interp.recursion_limit.get();
        if self.thread.frames.len() >= limit {
            self.recycle_frame(frame);
            return Err(self.error(
                &self.types().exc.recursion_error.clone(),
                "maximum recursion depth exceeded",
            ));
        }
        self.enter_native()?;
        let entry_depth = self.thread.frames.len();
        self.thread.frames.push(frame);
        let result = self.eval_loop(entry_depth);
        self.leave_native();
        result
    }

    /// Return a finished frame's box to the free list.
    pub(crate) fn recycle_frame(&mut self, mut frame: Box<Frame>) {
        while frame.slots.pop().is_some() {}
        frame.func = None;
        frame.locals = None;
        frame.frame_obj = None;
        if self.thread.free_frames.len() < 256 {
            self.thread.free_frames.push(frame);
        }
    }

    fn eval_loop(&mut self, entry_depth: usize) -> PyResult<Value> {
        loop {
            match self.run_instructions(entry_depth) {
                Ok(Flow::Return(v)) => return Ok(v),
                Ok(Flow::Continue) => {}
                Err(err) => {
                    let reraise = std::mem::take(&mut self.thread.reraising);
                    self.unwind(err, entry_depth, reraise)?;
                }
            }
        }
    }

    /// Run instructions of the top frame (and frames it calls) until a frame change
    /// that the outer loop must see, a return from the entry frame, or an error.
    fn run_instructions(&mut self, entry_depth: usize) -> PyResult<Flow> {
        let Some(frame) = self.thread.frames.last_mut() else {
            return Err(self.system_error("no frame to run"));
        };
        // SAFETY: frames are boxed, so `fp` stays valid while its frame is on the stack.
        // A frame is popped only by this loop (RETURN, unwind) or by a generator yield,
        // and every such path reloads `fp` from the new top frame or leaves the loop.
        let mut fp: *mut Frame = &mut **frame;
        // SAFETY: the code object is kept alive by the frame's `code` for as long as the
        // frame runs, and code objects are immutable.
        let mut code: &CodeData = unsafe { &*((*fp).code_data() as *const CodeData) };
        let mut units: &[CodeUnit] = &code.code.code;
        // The instruction pointer lives in a local; the frame's copy (`f.ip`, and
        // `f.lasti` for the instruction running) is brought up to date before anything
        // that can look at it: slow paths, calls, errors.
        let mut ip = unsafe { (*fp).ip };
        let mut lasti;
        // High bits of the next argument, from EXTENDED_ARG prefixes.
        let mut extended: u32 = 0;
        macro_rules! sync {
            () => {{
                let f = unsafe { &mut *fp };
                f.ip = ip;
                f.lasti = lasti;
            }};
        }
        // Python-to-Python calls and returns switch frames without leaving the loop.
        macro_rules! reload_top_frame {
            () => {{
                let Some(frame) = self.thread.frames.last_mut() else {
                    return Err(self.system_error("no frame to run"));
                };
                fp = &mut **frame;
                code = unsafe { &*((*fp).code_data() as *const CodeData) };
                units = &code.code.code;
                ip = unsafe { (*fp).ip };
            }};
        }
        // Run an instruction out of line in `execute`, then pick up where it left off.
        macro_rules! slow_path {
            ($op:expr, $arg:expr) => {{
                sync!();
                let flow = self.execute(fp, code, $op, $arg, entry_depth)?;
                match flow {
                    None => ip = unsafe { (*fp).ip },
                    Some(Flow::Continue) => reload_top_frame!(),
                    Some(flow) => return Ok(flow),
                }
            }};
        }
        loop {
            // Deaths queued `__del__` or weakref callbacks: run them before going on,
            // as CPython would have run them inside the instruction that freed.
            if crate::gc::has_deferred() {
                // Reported as happening in the instruction that freed.
                lasti = ip.saturating_sub(1);
                sync!();
                self.run_deferred();
            }
            let f = unsafe { &mut *fp };
            let Some(&unit) = units.get(ip) else {
                return Err(self.system_error("ran off the end of the bytecode"));
            };
            lasti = ip;
            ip += 1;
            let op = decode(unit);
            let arg = (extended << 8) | unit.arg as u32;
            extended = 0;
            // The hot instructions run here, in a small loop body; everything else goes
            // through `execute`, out of line, so it does not weigh on this loop.
            match op {
                // The eval breaker: function entry (not a resumption inside `yield
                // from`/`await`) and backward jumps notice a pending Ctrl-C.
                Opcode::Resume if arg & 3 < 2 && crate::signals::interrupt_pending() => {
                    sync!();
                    return Err(self.take_interrupt());
                }
                Opcode::Resume | Opcode::Nop | Opcode::NotTaken => {}
                Opcode::LoadFast | Opcode::LoadFastBorrow | Opcode::LoadFastCheck => {
                    match f.slots.get(arg as usize) {
                        Some(Value::Null) | None => {
                            sync!();
                            return Err(self.unbound_local(code, arg as usize));
                        }
                        Some(v) => {
                            let v = v.clone();
                            f.slots.push(v);
                        }
                    }
                }
                Opcode::LoadFastLoadFast | Opcode::LoadFastBorrowLoadFastBorrow => {
                    let (a, b) = ((arg >> 4) as usize, (arg & 15) as usize);
                    match (f.slots.get(a), f.slots.get(b)) {
                        (Some(x), Some(y)) if !x.is_null() && !y.is_null() => {
                            let (x, y) = (x.clone(), y.clone());
                            f.slots.push(x);
                            f.slots.push(y);
                        }
                        _ => {
                            sync!();
                            let bad = if f.slots.get(a).is_none_or(Value::is_null) {
                                a
                            } else {
                                b
                            };
                            return Err(self.unbound_local(code, bad));
                        }
                    }
                }
                Opcode::StoreFast => {
                    let v = f.slots.pop().unwrap_or(Value::Null);
                    if let Some(slot) = f.slots.get_mut(arg as usize) {
                        *slot = v;
                    }
                }
                Opcode::LoadConst => {
                    let v = code
                        .consts
                        .get(arg as usize)
                        .cloned()
                        .unwrap_or(Value::None);
                    f.slots.push(v);
                }
                Opcode::LoadSmallInt => Value::push_scalar(&mut f.slots, Scalar::int(arg as i64)),
                Opcode::PopTop => {
                    f.slots.pop();
                }
                Opcode::PushNull => Value::push_scalar(&mut f.slots, Scalar::null()),
                Opcode::BinaryOp => {
                    let n = f.slots.len();
                    let scalar = match (f.slots.get(n.wrapping_sub(2)), f.slots.last()) {
                        (Some(Value::Int(a)), Some(Value::Int(b))) => small_int_binop(arg, *a, *b),
                        (Some(Value::Float(a)), Some(Value::Float(b))) => float_binop(arg, *a, *b),
                        (Some(Value::Float(a)), Some(Value::Int(b))) => {
                            float_binop(arg, *a, *b as f64)
                        }
                        (Some(Value::Int(a)), Some(Value::Float(b))) => {
                            float_binop(arg, *a as f64, *b)
                        }
                        _ => None,
                    };
                    if let Some(r) = scalar {
                        f.slots.pop();
                        if let Some(top) = f.slots.last_mut() {
                            Value::set_scalar(top, r);
                        }
                        ip += 5;
                        continue;
                    }
                    let fast = match (f.slots.get(n.wrapping_sub(2)), f.slots.last()) {
                        (Some(Value::Obj(a)), Some(Value::Obj(b)))
                            if (arg == NB_ADD || arg == NB_INPLACE_ADD)
                                && is_exact_str(self, a)
                                && is_exact_str(self, b) =>
                        {
                            concat_in_place(f, units.get(ip + 5).copied())
                        }
                        (Some(Value::Obj(o)), Some(Value::Int(i))) if arg == NB_SUBSCR => {
                            exact_list_item(self, o, *i)
                        }
                        _ => None,
                    };
                    match fast {
                        Some(r) => {
                            f.slots.pop();
                            if let Some(top) = f.slots.last_mut() {
                                *top = r;
                            }
                            ip += 5;
                        }
                        None => slow_path!(op, arg),
                    }
                }
                Opcode::CompareOp => {
                    let n = f.slots.len();
                    let fast = match (f.slots.get(n.wrapping_sub(2)), f.slots.last()) {
                        (Some(Value::Int(a)), Some(Value::Int(b))) => compare_scalars(arg, *a, *b),
                        (Some(Value::Float(a)), Some(Value::Float(b))) => {
                            compare_scalars(arg, *a, *b)
                        }
                        _ => None,
                    };
                    match fast {
                        Some(r) => {
                            f.slots.pop();
                            if let Some(top) = f.slots.last_mut() {
                                Value::set_scalar(top, Scalar::bool(r));
                            }
                            ip += 1;
                        }
                        None => slow_path!(op, arg),
                    }
                }
                Opcode::ToBool if matches!(f.slots.last(), Some(Value::Bool(_))) => ip += 3,
                Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue
                    if matches!(f.slots.last(), Some(Value::Bool(_))) =>
                {
                    let Some(Value::Bool(b)) = f.slots.pop() else {
                        unreachable!()
                    };
                    if b == (op == Opcode::PopJumpIfTrue) {
                        ip += 1 + arg as usize;
                    } else {
                        ip += 1;
                    }
                }
                // Relative jumps count from the end of the instruction's cache units.
                Opcode::JumpBackward if crate::signals::interrupt_pending() => {
                    sync!();
                    return Err(self.take_interrupt());
                }
                Opcode::JumpBackward => ip = (ip + 1).saturating_sub(arg as usize),
                Opcode::JumpBackwardNoInterrupt => ip = ip.saturating_sub(arg as usize),
                Opcode::JumpForward => ip += arg as usize,
                Opcode::LoadGlobal => {
                    let cache = code.inline_cache.get(ip..).unwrap_or(&[]);
                    let pushed =
                        inline_cache::push_global_hit(cache, &f.globals, &f.builtins, &mut f.slots)
                            || {
                                let name = &code.names[(arg >> 1) as usize];
                                match inline_cache::load_global_miss(
                                    cache,
                                    &f.globals,
                                    &f.builtins,
                                    name,
                                ) {
                                    Some(v) => {
                                        f.slots.push(v);
                                        true
                                    }
                                    None => false,
                                }
                            };
                    if !pushed {
                        sync!();
                        let name = &code.names[(arg >> 1) as usize];
                        return Err(self.name_not_defined(name));
                    }
                    if arg & 1 != 0 {
                        Value::push_scalar(&mut f.slots, Scalar::null());
                    }
                    ip += 4;
                }
                Opcode::StoreSubscr => {
                    let n = f.slots.len();
                    let stored = match (f.slots.get(n.wrapping_sub(2)), f.slots.last()) {
                        (Some(Value::Obj(o)), Some(Value::Int(i))) if is_exact_list(self, o) => {
                            let Payload::List(l) = &o.payload else {
                                unreachable!()
                            };
                            let mut items = l.borrow_mut();
                            let len = items.len() as i64;
                            let index = if *i < 0 { *i + len } else { *i };
                            if (0..len).contains(&index) {
                                let value = f.slots[n - 3].clone();
                                items[index as usize] = value;
                                true
                            } else {
                                false
                            }
                        }
                        _ => false,
                    };
                    if stored {
                        f.slots.truncate(n - 3);
                        ip += 1;
                    } else {
                        slow_path!(op, arg);
                    }
                }
                Opcode::LoadDeref => match f.slots.get(arg as usize).and_then(Value::payload) {
                    Some(Payload::Cell(c)) if !c.borrow().is_null() => {
                        let v = c.borrow().clone();
                        f.slots.push(v);
                    }
                    _ => slow_path!(op, arg),
                },
                Opcode::Call => {
                    sync!();
                    match self.op_call(fp, arg as usize, Value::Null)? {
                        Some(Flow::Continue) => reload_top_frame!(),
                        Some(flow) => return Ok(flow),
                        None => ip = unsafe { (*fp).ip },
                    }
                }
                Opcode::ReturnValue => {
                    sync!();
                    let v = f.slots.pop().unwrap_or(Value::Null);
                    match self.return_from_frame(v, entry_depth) {
                        Flow::Continue => reload_top_frame!(),
                        flow => return Ok(flow),
                    }
                }
                Opcode::ForIter => {
                    let next = match f.slots.last().and_then(Value::payload) {
                        Some(Payload::RangeIter { next, stop, step }) => {
                            let cur = next.get();
                            if (*step > 0 && cur < *stop) || (*step < 0 && cur > *stop) {
                                next.set(cur.saturating_add(*step));
                                Value::push_scalar(&mut f.slots, Scalar::int(cur));
                                ip += 1;
                                continue;
                            } else {
                                Some(None)
                            }
                        }
                        Some(Payload::SeqIter { seq, index }) => match seq.payload() {
                            Some(Payload::List(l)) => {
                                let item = l.borrow().get(index.get()).cloned();
                                index.set(if item.is_some() {
                                    index.get() + 1
                                } else {
                                    usize::MAX
                                });
                                Some(item)
                            }
                            _ => None,
                        },
                        _ => None,
                    };
                    match next {
                        Some(Some(v)) => {
                            f.slots.push(v);
                            ip += 1;
                        }
                        Some(None) => ip += 1 + arg as usize + 1,
                        None => slow_path!(op, arg),
                    }
                }
                // The next instruction's argument has more than 8 bits.
                Opcode::ExtendedArg => extended = arg,
                _ => slow_path!(op, arg),
            }
        }
    }
}

/// `BINARY_OP` on two unboxed ints, when the result needs no big int and no error.
#[inline(always)]
fn small_int_binop(arg: u32, a: i64, b: i64) -> Option<Scalar> {
    match arg {
        0 | 13 => a.checked_add(b).map(Scalar::int),
        10 | 23 => a.checked_sub(b).map(Scalar::int),
        5 | 18 => a.checked_mul(b).map(Scalar::int),
        1 | 14 => Some(Scalar::int(a & b)),
        7 | 20 => Some(Scalar::int(a | b)),
        12 | 25 => Some(Scalar::int(a ^ b)),
        2 | 15 if b > 0 => Some(Scalar::int(a.div_euclid(b))),
        6 | 19 if b > 0 => Some(Scalar::int(a.rem_euclid(b))),
        _ => None,
    }
}

/// `BINARY_OP` on two floats for the operators that cannot fail.
#[inline(always)]
fn float_binop(arg: u32, a: f64, b: f64) -> Option<Scalar> {
    match arg {
        0 | 13 => Some(Scalar::float(a + b)),
        10 | 23 => Some(Scalar::float(a - b)),
        5 | 18 => Some(Scalar::float(a * b)),
        11 | 24 if b != 0.0 => Some(Scalar::float(a / b)),
        _ => None,
    }
}

/// `COMPARE_OP` on two unboxed ints or two floats (`arg >> 5` picks the operator).
#[inline(always)]
fn compare_scalars<T: PartialOrd>(arg: u32, a: T, b: T) -> Option<bool> {
    Some(match arg >> 5 {
        0 => a < b,
        1 => a <= b,
        2 => a == b,
        3 => a != b,
        4 => a > b,
        5 => a >= b,
        _ => return None,
    })
}

/// Whether `o` is exactly a `list` (not a subclass, which may override `__getitem__`).
#[inline(always)]
fn is_exact_list(vm: &Vm, o: &crate::object::ObjRef) -> bool {
    matches!(o.payload, Payload::List(_))
        && o.class
            .borrow()
            .as_ref()
            .is_some_and(|c| std::rc::Rc::ptr_eq(c, &vm.types().list))
}

/// `list[i]` for an exact list and an in-range index; `None` sends it down the slow path.
#[inline(always)]
fn exact_list_item(vm: &Vm, o: &crate::object::ObjRef, i: i64) -> Option<Value> {
    if !is_exact_list(vm, o) {
        return None;
    }
    let Payload::List(l) = &o.payload else {
        return None;
    };
    let items = l.borrow();
    let index = if i < 0 { i + items.len() as i64 } else { i };
    usize::try_from(index)
        .ok()
        .and_then(|k| items.get(k).cloned())
}

/// Whether `o` is exactly a `str`.
#[inline(always)]
fn is_exact_str(vm: &Vm, o: &crate::object::ObjRef) -> bool {
    matches!(o.payload, Payload::Str(_))
        && o.class
            .borrow()
            .as_ref()
            .is_some_and(|c| std::rc::Rc::ptr_eq(c, &vm.types().str_))
}

/// `s += t` on two strs followed by `STORE_FAST` back into `s`'s own variable (CPython's
/// BINARY_OP_INPLACE_ADD_UNICODE): the variable's reference is dropped first, so when
/// the stack holds the only reference the text is appended in place instead of copied.
/// Returns the result to leave on the stack; `None` falls back to the general path.
fn concat_in_place(f: &mut Frame, next: Option<CodeUnit>) -> Option<Value> {
    let next = next?;
    if decode(next) != Opcode::StoreFast {
        return None;
    }
    let target = next.arg as usize;
    let n = f.slots.len();
    let same_object = match (f.slots.get(target), f.slots.get(n - 2)) {
        (Some(Value::Obj(x)), Some(Value::Obj(y))) => std::rc::Rc::ptr_eq(x, y),
        _ => false,
    };
    if !same_object {
        return None;
    }
    let right = f.slots.pop()?;
    let mut left = f.slots.pop()?;
    // The variable holds the same object as `left`: let go of it, so that `left` may be
    // the only reference (it is put back below if not).
    f.slots[target] = Value::Null;
    let appended = match (&mut left, right.payload()) {
        (Value::Obj(rc), Some(Payload::Str(tail))) => match std::rc::Rc::get_mut(rc) {
            Some(obj) => match &mut obj.payload {
                Payload::Str(s) => {
                    s.push_str(tail);
                    true
                }
                _ => false,
            },
            None => false,
        },
        _ => false,
    };
    if appended {
        // The caller pops one operand slot and overwrites the other with the result.
        f.slots.push(Value::Null);
        f.slots.push(Value::Null);
        return Some(left);
    }
    // Someone else holds the string: restore everything and take the general path.
    f.slots[target] = left.clone();
    f.slots.push(left);
    f.slots.push(right);
    None
}
