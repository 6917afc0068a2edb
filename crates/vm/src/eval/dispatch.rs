//! The hot loop: fetch, decode and run instructions of the top frame, with the common
//! instructions handled inline and everything else sent to `execute` (in `ops.rs`).
//!
//! The value stack lives in registers while the loop runs: `base` (slot 0 of the
//! frame's `slots`), `sp` (one past the top) and `limit` (the end of the allocation).
//! The frame's `Vec` length is brought up to date (`sync!`) before anything outside
//! this loop can look at the frame (slow paths, calls, errors, deferred finalizers),
//! and the registers are reloaded (`load_stack!`) after. In between, values popped in
//! registers may still lie below the `Vec`'s stale length: nothing reads them, because
//! dropping a value never runs Python code synchronously (finalizers are deferred to
//! the instruction boundary, see `crate::gc::finalize`).
//!
//! Stack shapes are the compiler's: like CPython, the loop trusts that an instruction
//! finds the operands it pops (code objects come from adder's compiler or its own cache
//! files, and `code.replace` cannot change `co_code`). Pushes are checked against the
//! allocation. What the loop does not check per instruction, `adder_bytecode::validate`
//! checked once when the code object was made: `ip` stays inside the code, and local
//! and constant indexes inside their tables.

use adder_bytecode::{CodeUnit, Opcode};

use super::fast_ops::{
    concat_in_place, exact_sequence_item, is_exact_str, scalar_binop, scalar_compare, scalar_truth,
    store_exact_list_item,
};
use super::out_of_line::out_of_line_opcodes;
use super::{attr_cache, decode, inline_cache, Flow};
use crate::error::PyResult;
use crate::frame::Frame;
use crate::object::Payload;
use crate::objects::code::CodeData;
use crate::protocol::number::{NB_ADD, NB_INPLACE_ADD, NB_SUBSCR};
use crate::value::{Scalar, Value};
use crate::vm::Vm;

/// Where a branch instruction fused into the instruction before it goes: `at` is the
/// index of a `POP_JUMP_IF_FALSE`/`POP_JUMP_IF_TRUE` and `truth` the value it would
/// pop. `None` when the unit at `at` is not such a jump.
#[inline(always)]
fn fused_branch(units: &[CodeUnit], at: usize, truth: bool) -> Option<usize> {
    let unit = units.get(at)?;
    let jump_if_true = match decode(*unit) {
        Opcode::PopJumpIfTrue => true,
        Opcode::PopJumpIfFalse => false,
        _ => return None,
    };
    // The jump counts from the end of its own cache unit.
    let next = at + 2;
    Some(if truth == jump_if_true {
        next + unit.arg as usize
    } else {
        next
    })
}

impl Vm {
    /// Run instructions of the top frame (and frames it calls) until a frame change
    /// that the outer loop must see, a return from the entry frame, or an error.
    pub(super) fn run_instructions(&mut self, entry_depth: usize) -> PyResult<Flow> {
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
        // `f.lasti` for the instruction running) is brought up to date by `sync!`.
        // While an instruction runs, `ip` is the index of the unit after its opcode
        // (its first cache unit, if any) until it moves on, so the instruction itself
        // is at `ip - 1`.
        let mut ip = unsafe { (*fp).ip };
        // The value stack in registers (see the module comment).
        let mut base: *mut Value;
        let mut sp: *mut Value;
        let mut limit: *mut Value;
        let mut nlocals: usize;

        macro_rules! load_stack {
            () => {{
                // SAFETY: `fp` is the live top frame (see above).
                let slots = unsafe { &mut (*fp).slots };
                base = slots.as_mut_ptr();
                // SAFETY: `len` and `capacity` are within (or one past) the allocation.
                sp = unsafe { base.add(slots.len()) };
                limit = unsafe { base.add(slots.capacity()) };
                nlocals = code.code.nlocalsplus();
            }};
        }
        macro_rules! sync {
            () => {{
                // SAFETY: `fp` is the live top frame.
                let f = unsafe { &mut *fp };
                f.ip = ip;
                f.lasti = ip.saturating_sub(1);
                // SAFETY: every slot below `sp` holds a value and `sp <= limit`.
                unsafe { f.slots.set_len(sp.offset_from(base) as usize) };
            }};
        }
        macro_rules! fail {
            ($err:expr) => {{
                sync!();
                return Err($err);
            }};
        }
        // The eval breaker (CPython's `_Py_HandlePending`): the one check, at function
        // entry and on backward jumps, for work that must interrupt running Python code
        // (signal handlers; Ctrl-C's raises KeyboardInterrupt; another thread waiting
        // for the GIL, see `gil.rs`). Python signal handlers run as nested calls, and
        // other threads may look at this frame while the GIL is away: the frame is
        // synced first and its stack may have moved after.
        macro_rules! eval_breaker {
            () => {{
                if crate::gil::breaker_pending() {
                    sync!();
                    self.eval_breaker()?;
                    load_stack!();
                }
            }};
        }
        // Deaths queue `__del__` and weakref callbacks: every handler that may have
        // dropped an object runs them before the next instruction, as CPython would
        // have run them inside the instruction that freed (reported at its last unit).
        // Checked there rather than at the loop head, so that instructions that free
        // nothing (arithmetic on scalars, compares, jumps, loads) pay nothing for it.
        macro_rules! run_deferred {
            () => {{
                if crate::gc::has_deferred() {
                    sync!();
                    self.run_deferred();
                    load_stack!();
                }
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
                load_stack!();
            }};
        }
        // Run an instruction out of line in `execute`, then pick up where it left off.
        macro_rules! slow_path {
            ($op:expr, $arg:expr) => {{
                sync!();
                let flow = self.execute(fp, code, $op, $arg, entry_depth)?;
                match flow {
                    None => {
                        ip = unsafe { (*fp).ip };
                        load_stack!();
                    }
                    Some(Flow::Continue) => reload_top_frame!(),
                    Some(flow) => return Ok(flow),
                }
                run_deferred!();
            }};
        }
        macro_rules! make_room {
            () => {{
                if sp == limit {
                    sync!();
                    unsafe { (*fp).slots.reserve(8) };
                    load_stack!();
                }
            }};
        }
        macro_rules! push {
            ($v:expr) => {{
                let v: Value = $v;
                make_room!();
                // SAFETY: `sp < limit`: the slot is allocated and free.
                unsafe {
                    sp.write(v);
                    sp = sp.add(1);
                }
            }};
        }
        macro_rules! push_scalar {
            ($s:expr) => {{
                let s: Scalar = $s;
                make_room!();
                // SAFETY: as `push!`.
                unsafe {
                    Value::write_scalar(sp, s);
                    sp = sp.add(1);
                }
            }};
        }
        macro_rules! pop {
            () => {{
                // SAFETY: the compiler's stack effects (see the module comment).
                unsafe {
                    sp = sp.sub(1);
                    sp.read()
                }
            }};
        }
        // The `n`th value from the top (1 is the top).
        macro_rules! peek {
            ($n:expr) => {
                // SAFETY: the compiler's stack effects.
                unsafe { &mut *sp.sub($n) }
            };
        }
        // A fast local (or cell) by index. Only for the argument of an instruction
        // whose index `adder_bytecode::validate` checks (`has_local`/`has_free` and the
        // two-index forms): for those the index is below `nlocals`.
        macro_rules! local {
            ($i:expr) => {{
                let i: usize = $i;
                debug_assert!(i < nlocals);
                // SAFETY: `i < nlocals` (validated, see above); fast locals are the first
                // `nlocals` slots, always initialised.
                unsafe { &mut *base.add(i) }
            }};
        }

        load_stack!();
        // Finalizers queued by an unwind that ended in this frame.
        run_deferred!();
        // The argument bits of EXTENDED_ARG prefixes before the next instruction,
        // already shifted into place above its own argument byte.
        let mut extended_arg: u32 = 0;
        loop {
            // The loop head is one straight block: fetch, decode and the table jump,
            // with no bounds, opcode-range or EXTENDED_ARG branch (about 13
            // instructions instead of 19). LLVM 22 still does not copy it into the
            // handlers (not even with -tail-dup-* options), so all instructions share
            // one indirect jump.
            // SAFETY: validated code (`adder_bytecode::validate`, run on every code
            // object) never lets `ip` reach the end: every instruction that may fall
            // through has a next unit, and jump and handler targets are in range.
            let unit = unsafe { *units.get_unchecked(ip) };
            ip += 1;
            let op = decode(unit);
            let arg = extended_arg | unit.arg as u32;
            extended_arg = 0;
            // The hot instructions run here, in a small loop body; everything else goes
            // through `execute`, out of line, so it does not weigh on this loop.
            match op {
                // The prefix's bits go to the next unit, a valid instruction (validated).
                Opcode::ExtendedArg => extended_arg = arg << 8,
                // The eval breaker: function entry (not a resumption inside `yield
                // from`/`await`) and backward jumps run the handlers of signals that
                // arrived (Ctrl-C's raises KeyboardInterrupt).
                Opcode::Resume => {
                    if arg & 3 < 2 {
                        eval_breaker!();
                    }
                }
                Opcode::Nop | Opcode::NotTaken => {}
                Opcode::LoadFast | Opcode::LoadFastBorrow | Opcode::LoadFastCheck => {
                    let v = local!(arg as usize);
                    if v.is_null() {
                        fail!(self.unbound_local(code, arg as usize));
                    }
                    push!(v.clone());
                }
                Opcode::LoadFastLoadFast | Opcode::LoadFastBorrowLoadFastBorrow => {
                    let (a, b) = ((arg >> 4) as usize, (arg & 15) as usize);
                    let x = local!(a).clone();
                    let y = local!(b).clone();
                    if x.is_null() || y.is_null() {
                        let bad = if x.is_null() { a } else { b };
                        fail!(self.unbound_local(code, bad));
                    }
                    push!(x);
                    push!(y);
                }
                Opcode::StoreFast => {
                    let v = pop!();
                    let old = std::mem::replace(local!(arg as usize), v);
                    if matches!(old, Value::Obj(_)) {
                        drop(old);
                        run_deferred!();
                    }
                }
                Opcode::LoadConst => {
                    // SAFETY: constant indexes are validated.
                    let v = unsafe { code.consts.get_unchecked(arg as usize) }.clone();
                    push!(v);
                }
                Opcode::LoadSmallInt => push_scalar!(Scalar::int(arg as i64)),
                Opcode::PopTop => {
                    let v = pop!();
                    if matches!(v, Value::Obj(_)) {
                        drop(v);
                        run_deferred!();
                    }
                }
                Opcode::PushNull => push_scalar!(Scalar::null()),
                Opcode::Copy if arg >= 1 => {
                    let v = peek!(arg as usize).clone();
                    push!(v);
                }
                Opcode::Swap if arg >= 2 => {
                    // SAFETY: two distinct stack slots (the compiler's stack effects).
                    unsafe { std::ptr::swap(sp.sub(1), sp.sub(arg as usize)) };
                }
                Opcode::BinaryOp => {
                    if let Some(r) = scalar_binop(arg, peek!(2), peek!(1)) {
                        // Both operands are scalars: nothing to drop.
                        sp = unsafe { sp.sub(1) };
                        Value::set_scalar(peek!(1), r);
                        ip += 5;
                        continue;
                    }
                    let str_concat = (arg == NB_ADD || arg == NB_INPLACE_ADD)
                        && matches!((peek!(2), peek!(1)), (Value::Obj(a), Value::Obj(b))
                            if is_exact_str(self, a) && is_exact_str(self, b));
                    let item = if str_concat {
                        // SAFETY: the two top slots, and the fast locals below them.
                        let operands = unsafe { &mut *(sp.sub(2) as *mut [Value; 2]) };
                        let locals = unsafe { std::slice::from_raw_parts_mut(base, nlocals) };
                        concat_in_place(operands, locals, units.get(ip + 5).copied())
                    } else {
                        match (peek!(2), peek!(1)) {
                            (Value::Obj(o), Value::Int(i)) if arg == NB_SUBSCR => {
                                exact_sequence_item(self, o, *i)
                            }
                            _ => None,
                        }
                    };
                    match item {
                        Some(r) => {
                            drop(pop!());
                            let old = std::mem::replace(peek!(1), r);
                            drop(old);
                            ip += 5;
                            run_deferred!();
                        }
                        None => slow_path!(op, arg),
                    }
                }
                Opcode::CompareOp => match scalar_compare(arg, peek!(2), peek!(1)) {
                    Some(r) => {
                        // Both operands are scalars: nothing to drop.
                        ip += 1;
                        match fused_branch(units, ip, r) {
                            Some(target) => {
                                sp = unsafe { sp.sub(2) };
                                ip = target;
                            }
                            None => {
                                sp = unsafe { sp.sub(1) };
                                Value::set_scalar(peek!(1), Scalar::bool(r));
                            }
                        }
                    }
                    None => slow_path!(op, arg),
                },
                Opcode::ToBool => match scalar_truth(peek!(1)) {
                    Some(t) => {
                        ip += 3;
                        match fused_branch(units, ip, t) {
                            Some(target) => {
                                sp = unsafe { sp.sub(1) };
                                ip = target;
                            }
                            None => Value::set_scalar(peek!(1), Scalar::bool(t)),
                        }
                    }
                    None => slow_path!(op, arg),
                },
                Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue
                    if matches!(peek!(1), Value::Bool(_)) =>
                {
                    let t = matches!(pop!(), Value::Bool(true));
                    ip += 1;
                    if t == (op == Opcode::PopJumpIfTrue) {
                        ip += arg as usize;
                    }
                }
                Opcode::PopJumpIfNone | Opcode::PopJumpIfNotNone => {
                    let v = pop!();
                    let is_none = v.is_none();
                    ip += 1;
                    if is_none == (op == Opcode::PopJumpIfNone) {
                        ip += arg as usize;
                    }
                    if matches!(v, Value::Obj(_)) {
                        drop(v);
                        run_deferred!();
                    }
                }
                // Relative jumps count from the end of the instruction's cache units.
                Opcode::JumpBackward => {
                    eval_breaker!();
                    ip = (ip + 1).saturating_sub(arg as usize);
                }
                Opcode::JumpBackwardNoInterrupt => ip = ip.saturating_sub(arg as usize),
                Opcode::JumpForward => ip += arg as usize,
                Opcode::LoadGlobal => {
                    // SAFETY: `fp` is the live top frame.
                    let f = unsafe { &*fp };
                    let cache = code.inline_cache().get(ip..).unwrap_or(&[]);
                    make_room!();
                    // SAFETY: `sp < limit`: a free slot.
                    let hit = unsafe {
                        inline_cache::write_global_hit(cache, &f.globals, &f.builtins, sp)
                    };
                    match hit {
                        true => sp = unsafe { sp.add(1) },
                        false => {
                            let name = &code.names[(arg >> 1) as usize];
                            let found = inline_cache::load_global_miss(
                                cache,
                                &f.globals,
                                &f.builtins,
                                name,
                            );
                            match found {
                                Some(v) => push!(v),
                                None => fail!(self.name_not_defined(name)),
                            }
                        }
                    }
                    if arg & 1 != 0 {
                        push_scalar!(Scalar::null());
                    }
                    ip += 4;
                }
                Opcode::StoreSubscr => {
                    let stored = match (peek!(2), peek!(1)) {
                        (Value::Obj(o), Value::Int(i)) => {
                            let value = unsafe { sp.sub(3).read() };
                            match store_exact_list_item(self, o, *i, value) {
                                Ok(()) => true,
                                Err(value) => {
                                    // Back where it was, for the general path.
                                    unsafe { sp.sub(3).write(value) };
                                    false
                                }
                            }
                        }
                        _ => false,
                    };
                    if stored {
                        // The value slot was moved out; drop the index and container.
                        drop(pop!());
                        drop(pop!());
                        sp = unsafe { sp.sub(1) };
                        ip += 1;
                        run_deferred!();
                    } else {
                        slow_path!(op, arg);
                    }
                }
                Opcode::LoadDeref => {
                    let cell_value = match local!(arg as usize).payload() {
                        Some(Payload::Cell(c)) => c.try_borrow().ok().map(|v| v.clone()),
                        _ => None,
                    };
                    match cell_value {
                        Some(v) if !v.is_null() => push!(v),
                        _ => slow_path!(op, arg),
                    }
                }
                Opcode::LoadAttr if arg & 1 != 0 => {
                    let cache = code.inline_cache().get(ip..).unwrap_or(&[]);
                    match attr_cache::method_hit(cache, peek!(1)) {
                        Some(method) => {
                            // `owner` becomes `method, owner` (the self argument).
                            let owner = std::mem::replace(peek!(1), method);
                            push!(owner);
                            ip += 9;
                        }
                        None => slow_path!(op, arg),
                    }
                }
                Opcode::Call => {
                    sync!();
                    if self.push_python_frame(fp, arg as usize)? {
                        reload_top_frame!();
                        run_deferred!();
                        continue;
                    }
                    match self.op_call(fp, arg as usize, Value::Null)? {
                        Some(Flow::Continue) => reload_top_frame!(),
                        Some(flow) => return Ok(flow),
                        None => {
                            ip = unsafe { (*fp).ip };
                            load_stack!();
                        }
                    }
                    run_deferred!();
                }
                Opcode::ReturnValue => {
                    let v = pop!();
                    sync!();
                    match self.return_from_frame(v, entry_depth) {
                        Flow::Continue => reload_top_frame!(),
                        flow => return Ok(flow),
                    }
                    run_deferred!();
                }
                Opcode::ForIter => {
                    let next = match peek!(1).payload() {
                        Some(Payload::RangeIter { next, stop, step }) => {
                            let cur = next.get();
                            if (*step > 0 && cur < *stop) || (*step < 0 && cur > *stop) {
                                next.set(cur.saturating_add(*step));
                                push_scalar!(Scalar::int(cur));
                                ip += 1;
                                continue;
                            }
                            Some(None)
                        }
                        Some(Payload::SeqIter { seq, index }) => {
                            let item = match seq.payload() {
                                Some(Payload::List(l)) => {
                                    l.try_borrow().ok().map(|l| l.get(index.get()).cloned())
                                }
                                Some(Payload::Tuple(t)) => Some(t.get(index.get()).cloned()),
                                _ => None,
                            };
                            if let Some(item) = &item {
                                index.set(if item.is_some() {
                                    index.get() + 1
                                } else {
                                    usize::MAX
                                });
                            }
                            item
                        }
                        _ => None,
                    };
                    match next {
                        Some(Some(v)) => {
                            push!(v);
                            ip += 1;
                        }
                        // Exhausted: skip the END_FOR at the target; POP_ITER drops
                        // the iterator.
                        Some(None) => ip += 1 + arg as usize + 1,
                        None => slow_path!(op, arg),
                    }
                }
                // Every other opcode, by name (see `out_of_line.rs` for why not `_`).
                out_of_line_opcodes!() => slow_path!(op, arg),
            }
        }
    }
}
