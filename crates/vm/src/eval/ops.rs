//! One handler per opcode, with CPython 3.14's stack effects (`Python/bytecodes.c`).

use adder_bytecode::opcode::INTRINSIC_1;
use adder_bytecode::{LocalKind, Opcode};

use super::generator::GenResult;
use super::Flow;
use crate::error::PyResult;
use crate::frame::{code_data, Frame};
use crate::object::{ObjRef, Payload};
use crate::objects::code::CodeData;
use crate::objects::dict;
use crate::objects::function::Args;
use crate::protocol::compare::CmpOp;
use crate::value::Value;
use crate::vm::Vm;

mod annotations;
mod async_ops;
mod call_unpack;
mod context;
mod except_star;
mod pattern;
mod super_attr;

type Step = PyResult<Option<Flow>>;

/// Pop the top of the value stack (NULL if the compiler ever under-flowed it).
#[inline(always)]
fn pop(f: &mut Frame) -> Value {
    f.slots.pop().unwrap_or(Value::Null)
}

#[inline(always)]
fn top(f: &Frame) -> &Value {
    f.slots.last().unwrap_or(&Value::Null)
}

/// The `n` topmost values, oldest first, removed from the stack.
fn pop_n(f: &mut Frame, n: usize) -> Vec<Value> {
    let at = f.slots.len().saturating_sub(n);
    f.slots.split_off(at)
}

/// Jump targets: relative to the instruction after this one's caches.
#[inline(always)]
fn jump_forward(f: &mut Frame, op: Opcode, arg: u32) {
    f.ip += op.cache_entries() + arg as usize;
}

impl Vm {
    #[inline(never)]
    pub(super) fn execute(
        &mut self,
        fp: *mut Frame,
        code: &CodeData,
        op: Opcode,
        arg: u32,
        entry_depth: usize,
    ) -> Step {
        // SAFETY: see `run_instructions`: `fp` is the live top frame; handlers that can
        // push or pop frames return right after doing so.
        let f = unsafe { &mut *fp };
        match op {
            Opcode::Cache | Opcode::Reserved => {
                return Err(self.system_error(format!("executed a {} code unit", op.name())));
            }
            Opcode::EndFor | Opcode::PopIter => {
                f.slots.pop();
            }
            Opcode::Copy => {
                let n = arg as usize;
                let v = f
                    .slots
                    .get(f.slots.len().wrapping_sub(n))
                    .cloned()
                    .unwrap_or(Value::Null);
                f.slots.push(v);
            }
            Opcode::Swap => {
                let len = f.slots.len();
                let n = arg as usize;
                if n >= 1 && n <= len {
                    f.slots.swap(len - 1, len - n);
                }
            }
            Opcode::LoadFastAndClear => {
                let i = arg as usize;
                let v = std::mem::replace(&mut f.slots[i], Value::Null);
                f.slots.push(v);
            }
            Opcode::StoreFastLoadFast => {
                let v = pop(f);
                f.slots[(arg >> 4) as usize] = v;
                let l = self.load_fast(f, code, (arg & 15) as usize)?;
                f.slots.push(l);
            }
            Opcode::StoreFastStoreFast => {
                let a = pop(f);
                f.slots[(arg >> 4) as usize] = a;
                let b = pop(f);
                f.slots[(arg & 15) as usize] = b;
            }
            Opcode::DeleteFast => {
                let i = arg as usize;
                if f.slots[i].is_null() {
                    return Err(self.unbound_local(code, i));
                }
                f.slots[i] = Value::Null;
            }
            Opcode::MakeCell => {
                let i = arg as usize;
                let v = std::mem::replace(&mut f.slots[i], Value::Null);
                f.slots[i] = self.new_cell(v);
            }
            Opcode::CopyFreeVars => {
                let n = arg as usize;
                let base = code.code.nlocalsplus().saturating_sub(n);
                if let Some(Payload::Function(fun)) = f.func.as_ref().map(|o| &o.payload) {
                    let closure = fun.closure.borrow();
                    if let Some(cells) = closure.as_obj().and_then(|o| o.as_tuple()) {
                        let targets = f.slots.get_mut(base..).unwrap_or_default();
                        for (slot, cell) in targets.iter_mut().zip(cells.iter().take(n)) {
                            *slot = cell.clone();
                        }
                    }
                }
            }
            Opcode::LoadDeref => {
                let v = self.load_deref(f, code, arg as usize)?;
                f.slots.push(v);
            }
            Opcode::StoreDeref => {
                let v = pop(f);
                if let Some(Payload::Cell(c)) = f.slots[arg as usize].payload() {
                    *c.borrow_mut() = v;
                }
            }
            Opcode::DeleteDeref => {
                let unbound = match f.slots[arg as usize].payload() {
                    Some(Payload::Cell(c)) => {
                        std::mem::replace(&mut *c.borrow_mut(), Value::Null).is_null()
                    }
                    _ => true,
                };
                if unbound {
                    return Err(self.unbound_deref(code, arg as usize));
                }
            }
            Opcode::LoadFromDictOrDeref => {
                let mapping = pop(f);
                let name = code.localsplus_names[arg as usize].clone();
                let found = match mapping.as_obj() {
                    Some(d) if d.as_dict().is_some() => dict::get_item(self, d, &name)?,
                    _ => None,
                };
                let v = match found {
                    Some(v) => v,
                    None => self.load_deref(f, code, arg as usize)?,
                };
                f.slots.push(v);
            }
            Opcode::LoadName => {
                let name = &code.names[arg as usize];
                let v = self.load_name(f, name)?;
                f.slots.push(v);
            }
            Opcode::LoadFromDictOrGlobals => {
                let mapping = pop(f);
                let name = code.names[arg as usize].clone();
                let found = match mapping.as_obj() {
                    Some(d) if d.as_dict().is_some() => dict::get_item(self, d, &name)?,
                    _ => None,
                };
                let v = match found {
                    Some(v) => v,
                    None => self.load_global(f, &name)?,
                };
                f.slots.push(v);
            }
            Opcode::StoreName => {
                let v = pop(f);
                let name = code.names[arg as usize].clone();
                let ns = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                self.store_in_mapping(&ns, name, v)?;
            }
            Opcode::DeleteName => {
                let name = code.names[arg as usize].clone();
                let ns = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                if dict::del_item(self, &ns, &name)?.is_none() {
                    return Err(self.name_not_defined(&name));
                }
            }
            Opcode::StoreGlobal => {
                let v = pop(f);
                let g = f.globals.clone();
                dict::set_item(self, &g, code.names[arg as usize].clone(), v)?;
            }
            Opcode::DeleteGlobal => {
                let name = code.names[arg as usize].clone();
                let g = f.globals.clone();
                if dict::del_item(self, &g, &name)?.is_none() {
                    return Err(self.name_not_defined(&name));
                }
            }
            Opcode::LoadLocals => match &f.locals {
                Some(l) => f.slots.push(Value::Obj(l.clone())),
                None => return Err(self.system_error("no locals found")),
            },
            Opcode::LoadCommonConstant => {
                let v = self.common_constant(arg)?;
                f.slots.push(v);
            }
            Opcode::LoadBuildClass => {
                let v = dict::get_str(&f.builtins, "__build_class__")
                    .ok_or_else(|| self.name_error("__build_class__ not found", &Value::None))?;
                f.slots.push(v);
            }

            // ----- operators -----
            Opcode::BinaryOp => {
                let b = pop(f);
                let a = pop(f);
                let r = self.binary_op(&a, &b, arg)?;
                let f = unsafe { &mut *fp };
                f.slots.push(r);
                f.ip += 5;
            }
            Opcode::UnaryNegative => {
                let v = pop(f);
                let r = self.negative(&v)?;
                unsafe { &mut *fp }.slots.push(r);
            }
            Opcode::UnaryInvert => {
                let v = pop(f);
                let r = self.invert(&v)?;
                unsafe { &mut *fp }.slots.push(r);
            }
            Opcode::UnaryNot => {
                let v = pop(f);
                let t = self.is_true(&v)?;
                unsafe { &mut *fp }.slots.push(Value::Bool(!t));
            }
            Opcode::ToBool => {
                let v = pop(f);
                let t = match v {
                    Value::Bool(b) => b,
                    _ => self.is_true(&v)?,
                };
                let f = unsafe { &mut *fp };
                f.slots.push(Value::Bool(t));
                f.ip += 3;
            }
            Opcode::CompareOp => {
                let b = pop(f);
                let a = pop(f);
                let Some(cmp) = CmpOp::from_index(arg >> 5) else {
                    return Err(self.system_error("bad COMPARE_OP argument"));
                };
                let mut r = self.rich_compare(&a, &b, cmp)?;
                if arg & 16 != 0 && !matches!(r, Value::Bool(_)) {
                    r = Value::Bool(self.is_true(&r)?);
                }
                let f = unsafe { &mut *fp };
                f.slots.push(r);
                f.ip += 1;
            }
            Opcode::IsOp => {
                let b = pop(f);
                let a = pop(f);
                f.slots.push(Value::Bool(a.is(&b) != (arg == 1)));
            }
            Opcode::ContainsOp => {
                let container = pop(f);
                let item = pop(f);
                let r = self.contains(&container, &item)?;
                let f = unsafe { &mut *fp };
                f.slots.push(Value::Bool(r != (arg == 1)));
                f.ip += 1;
            }

            // ----- jumps -----
            Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue => {
                let v = pop(f);
                let t = match v {
                    Value::Bool(b) => b,
                    _ => self.is_true(&v)?,
                };
                let f = unsafe { &mut *fp };
                if t == (op == Opcode::PopJumpIfTrue) {
                    jump_forward(f, op, arg);
                } else {
                    f.ip += 1;
                }
            }
            Opcode::PopJumpIfNone | Opcode::PopJumpIfNotNone => {
                let v = pop(f);
                if v.is_none() == (op == Opcode::PopJumpIfNone) {
                    jump_forward(f, op, arg);
                } else {
                    f.ip += 1;
                }
            }

            // ----- iteration -----
            Opcode::GetIter => {
                let v = pop(f);
                let it = self.get_iter(&v)?;
                unsafe { &mut *fp }.slots.push(it);
            }
            Opcode::ForIter => {
                let it = top(f).clone();
                let next = self.next(&it)?;
                let f = unsafe { &mut *fp };
                match next {
                    Some(v) => {
                        f.slots.push(v);
                        f.ip += 1;
                    }
                    // Exhausted: skip the END_FOR at the target; POP_ITER drops the iterator.
                    None => f.ip += 1 + arg as usize + 1,
                }
            }

            // ----- building -----
            Opcode::BuildTuple => {
                let items = pop_n(f, arg as usize);
                f.slots.push(self.new_tuple(items));
            }
            Opcode::BuildList => {
                let items = pop_n(f, arg as usize);
                f.slots.push(self.new_list(items));
            }
            Opcode::BuildMap => {
                let flat = pop_n(f, 2 * arg as usize);
                let mut pairs = Vec::with_capacity(arg as usize);
                let mut it = flat.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    pairs.push((k, v));
                }
                let d = dict::from_pairs(self, pairs)?;
                unsafe { &mut *fp }.slots.push(Value::Obj(d));
            }
            Opcode::BuildSlice => {
                let step = if arg == 3 { pop(f) } else { Value::None };
                let stop = pop(f);
                let start = pop(f);
                f.slots.push(self.new_slice(start, stop, step));
            }
            Opcode::BuildString => {
                let parts = pop_n(f, arg as usize);
                f.slots.push(crate::objects::str_exact::build(self, &parts));
            }
            Opcode::BuildSet => {
                let items = pop_n(f, arg as usize);
                let set = self.build_set(items)?;
                unsafe { &mut *fp }.slots.push(set);
            }
            Opcode::SetAdd | Opcode::SetUpdate => {
                let v = pop(f);
                let at = f.slots.len().wrapping_sub(arg as usize);
                let set = f.slots.get(at).cloned().unwrap_or(Value::Null);
                match (op, crate::objects::set::set_cell(&set)) {
                    (Opcode::SetAdd, Some(cell)) => crate::objects::set::add(self, cell, v)?,
                    (_, Some(_)) => crate::objects::set::update(self, &set, &v)?,
                    _ => return Err(self.system_error("SET_ADD/SET_UPDATE without a set")),
                }
            }
            Opcode::ListAppend => {
                let v = pop(f);
                let at = f.slots.len().wrapping_sub(arg as usize);
                if let Some(Payload::List(l)) = f.slots.get(at).and_then(|x| x.payload()) {
                    l.borrow_mut().push(v);
                }
            }
            Opcode::ListExtend => {
                let v = pop(f);
                let at = f.slots.len().wrapping_sub(arg as usize);
                let list = f.slots.get(at).cloned().unwrap_or(Value::Null);
                let items = self
                    .collect_iterable(&v)
                    .map_err(|e| self.extend_error(e, &v))?;
                if let Some(Payload::List(l)) = list.payload() {
                    l.borrow_mut().extend(items);
                }
            }
            Opcode::MapAdd => {
                let value = pop(f);
                let key = pop(f);
                let at = f.slots.len().wrapping_sub(arg as usize);
                let d = f.slots.get(at).and_then(|x| x.as_obj()).cloned();
                if let Some(d) = d {
                    dict::set_item(self, &d, key, value)?;
                }
            }
            Opcode::DictUpdate => self.op_dict_update(fp, arg, false)?,
            Opcode::DictMerge => self.op_dict_update(fp, arg, true)?,
            Opcode::CheckEgMatch => self.op_check_eg_match(fp)?,
            Opcode::SetupAnnotations => self.op_setup_annotations(fp)?,
            Opcode::CallIntrinsic2 => {
                let second = pop(f);
                let first = pop(f);
                let r = match adder_bytecode::opcode::INTRINSIC_2.get(arg as usize) {
                    Some(&"INTRINSIC_PREP_RERAISE_STAR") => {
                        self.prep_reraise_star(&first, &second)?
                    }
                    Some(name) => {
                        match crate::objects::typevar_generic::intrinsic_2(
                            self, name, first, second,
                        ) {
                            Some(r) => r?,
                            None => {
                                return Err(
                                    self.system_error(format!("{name} is not supported yet"))
                                )
                            }
                        }
                    }
                    None => return Err(self.system_error("bad CALL_INTRINSIC_2 argument")),
                };
                unsafe { &mut *fp }.slots.push(r);
            }
            Opcode::CallIntrinsic1 => {
                let v = pop(f);
                let r = self.intrinsic_1(arg, v)?;
                unsafe { &mut *fp }.slots.push(r);
            }
            Opcode::UnpackSequence => {
                let seq = pop(f);
                let items = self.unpack(&seq, arg as usize)?;
                let f = unsafe { &mut *fp };
                f.slots.extend(items.into_iter().rev());
                f.ip += 1;
            }
            Opcode::UnpackEx => {
                let seq = pop(f);
                let before = (arg & 0xff) as usize;
                let after = (arg >> 8) as usize;
                let mut items = self.collect_iterable(&seq)?;
                if items.len() < before + after {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    )));
                }
                let tail = items.split_off(items.len() - after);
                let middle = items.split_off(before);
                let f = unsafe { &mut *fp };
                for v in tail.into_iter().rev() {
                    f.slots.push(v);
                }
                f.slots.push(self.new_list(middle));
                for v in items.into_iter().rev() {
                    f.slots.push(v);
                }
            }

            // ----- subscripts and attributes -----
            Opcode::StoreSubscr => {
                let sub = pop(f);
                let container = pop(f);
                let v = pop(f);
                self.set_item(&container, &sub, v)?;
                unsafe { &mut *fp }.ip += 1;
            }
            Opcode::DeleteSubscr => {
                let sub = pop(f);
                let container = pop(f);
                self.del_item(&container, &sub)?;
            }
            Opcode::BinarySlice => {
                let stop = pop(f);
                let start = pop(f);
                let container = pop(f);
                let s = self.new_slice(start, stop, Value::None);
                let r = self.get_item(&container, &s)?;
                unsafe { &mut *fp }.slots.push(r);
            }
            Opcode::StoreSlice => {
                let stop = pop(f);
                let start = pop(f);
                let container = pop(f);
                let v = pop(f);
                let s = self.new_slice(start, stop, Value::None);
                self.set_item(&container, &s, v)?;
            }
            Opcode::LoadAttr => {
                let owner = pop(f);
                let name = &code.names[(arg >> 1) as usize];
                if arg & 1 != 0 {
                    let (meth, self_) = self.get_method(&owner, name)?;
                    if self_.is_some() {
                        let cache = code.inline_cache().get(f.ip..).unwrap_or(&[]);
                        super::attr_cache::remember_method(cache, &owner, &meth);
                    }
                    let f = unsafe { &mut *fp };
                    f.slots.push(meth);
                    f.slots.push(self_.unwrap_or(Value::Null));
                } else {
                    let v = self.get_attr(&owner, name)?;
                    unsafe { &mut *fp }.slots.push(v);
                }
                unsafe { &mut *fp }.ip += 9;
            }
            Opcode::StoreAttr => {
                let owner = pop(f);
                let v = pop(f);
                self.set_attr(&owner, &code.names[arg as usize], v)?;
                unsafe { &mut *fp }.ip += 4;
            }
            Opcode::DeleteAttr => {
                let owner = pop(f);
                self.del_attr(&owner, &code.names[arg as usize])?;
            }

            // ----- functions and calls -----
            Opcode::MakeFunction => {
                let code_obj = pop(f);
                let func = self.make_function(f, code_obj)?;
                unsafe { &mut *fp }.slots.push(func);
            }
            Opcode::SetFunctionAttribute => {
                let func = pop(f);
                let attr = pop(f);
                if let Some(Payload::Function(fun)) = func.payload() {
                    match arg {
                        1 => *fun.defaults.borrow_mut() = attr,
                        2 => *fun.kwdefaults.borrow_mut() = attr,
                        4 => *fun.annotations.borrow_mut() = attr,
                        8 => *fun.closure.borrow_mut() = attr,
                        16 => *fun.annotate.borrow_mut() = attr,
                        _ => return Err(self.system_error("bad SET_FUNCTION_ATTRIBUTE flag")),
                    }
                }
                f.slots.push(func);
            }
            Opcode::CallKw => {
                let kwnames = pop(f);
                return self.op_call(fp, arg as usize, kwnames);
            }
            Opcode::CallFunctionEx => {
                let kwargs = pop(f);
                let callargs = pop(f);
                let _null = pop(f);
                let func = pop(f);
                let r = self.call_function_ex(&func, &callargs, &kwargs)?;
                unsafe { &mut *fp }.slots.push(r);
            }
            Opcode::ReturnGenerator => return self.return_generator(entry_depth).map(Some),
            Opcode::YieldValue => {
                let v = pop(f);
                return self.yield_value(v, entry_depth).map(Some);
            }
            Opcode::GetYieldFromIter => self.op_get_yield_from_iter(fp)?,
            Opcode::GetAwaitable => self.op_get_awaitable(fp, arg)?,
            Opcode::GetAiter => self.op_get_aiter(fp)?,
            Opcode::GetAnext => self.op_get_anext(fp)?,
            Opcode::EndAsyncFor => self.op_end_async_for(fp)?,
            Opcode::Send => {
                let v = pop(f);
                let receiver = top(f).clone();
                let step = self.delegate_send(&receiver, v)?;
                let f = unsafe { &mut *fp };
                match step {
                    GenResult::Yielded(y) => {
                        f.slots.push(y);
                        f.ip += 1;
                    }
                    GenResult::Returned(r) => {
                        f.slots.push(r);
                        jump_forward(f, op, arg);
                    }
                }
            }
            Opcode::EndSend => {
                let v = pop(f);
                f.slots.pop();
                f.slots.push(v);
            }
            Opcode::CleanupThrow => {
                let exc = pop(f);
                let is_stop = exc.as_obj().is_some_and(|o| {
                    self.is_instance(&exc, &self.types().exc.stop_iteration.clone())
                        && matches!(o.payload, Payload::Exception(_))
                });
                if !is_stop {
                    self.thread.reraising = true;
                    return Err(self.exception_from_value(exc));
                }
                let value = exc
                    .as_obj()
                    .map_or(Value::None, |o| self.stop_iteration_value(o));
                f.slots.pop();
                f.slots.pop();
                f.slots.push(Value::None);
                f.slots.push(value);
            }

            // ----- exceptions -----
            Opcode::RaiseVarargs => {
                return Err(self.op_raise(f, arg));
            }
            Opcode::PushExcInfo => {
                let exc = pop(f);
                let prev = std::mem::replace(&mut self.thread.exc_info, exc.clone());
                f.slots.push(prev);
                f.slots.push(exc);
            }
            Opcode::PopExcept => {
                let prev = pop(f);
                self.thread.exc_info = prev;
            }
            Opcode::CheckExcMatch => {
                let ty = pop(f);
                let exc = top(f).clone();
                let r = self.exception_matches(&exc, &ty)?;
                unsafe { &mut *fp }.slots.push(Value::Bool(r));
            }
            Opcode::Reraise => {
                let exc = pop(f);
                if arg != 0 {
                    let at = f.slots.len().wrapping_sub(arg as usize);
                    if let Some(Value::Int(lasti)) = f.slots.get(at) {
                        self.thread.reraise_offset = Some(f.lasti);
                        f.lasti = *lasti as usize;
                    }
                }
                self.thread.reraising = true;
                return Err(self.exception_from_value(exc));
            }
            Opcode::ImportName => {
                let fromlist = pop(f);
                let level = pop(f);
                let name = crate::protocol::attr::name_str(&code.names[arg as usize]).to_string();
                let level = match level {
                    Value::Int(l) if l >= 0 => l as usize,
                    _ => 0,
                };
                let globals = f.globals.clone();
                let m = self.import_name(&name, &fromlist, level, &globals)?;
                unsafe { &mut *fp }.slots.push(m);
            }
            Opcode::ImportFrom => {
                let module = top(f).clone();
                let v = self.import_from(&module, &code.names[arg as usize])?;
                unsafe { &mut *fp }.slots.push(v);
            }
            Opcode::FormatSimple => {
                let v = pop(f);
                let s = match v.payload() {
                    Some(Payload::Str(_)) => v,
                    _ => crate::objects::str_stand_in::exact(self, |vm| vm.format_value(&v, ""))?,
                };
                unsafe { &mut *fp }.slots.push(s);
            }
            Opcode::FormatWithSpec => {
                let spec = pop(f);
                let v = pop(f);
                let s = crate::objects::str_stand_in::exact(self, |vm| {
                    let spec_text = crate::objects::str_stand_in::value_text(&spec);
                    vm.format_value(&v, &spec_text)
                })?;
                unsafe { &mut *fp }.slots.push(s);
            }
            Opcode::ConvertValue => {
                let v = pop(f);
                let s = crate::objects::str_stand_in::exact(self, |vm| match arg {
                    1 => vm.to_str(&v),
                    2 => vm.repr(&v),
                    _ => Ok(crate::objects::repr::ascii_escape(&vm.repr(&v)?)),
                })?;
                unsafe { &mut *fp }.slots.push(s);
            }
            Opcode::BuildInterpolation => {
                let spec = if arg & 1 != 0 { Some(pop(f)) } else { None };
                let expression = pop(f);
                let value = pop(f);
                let i = crate::objects::template::build_interpolation(
                    self,
                    value,
                    expression,
                    spec,
                    arg >> 2,
                );
                unsafe { &mut *fp }.slots.push(i);
            }
            Opcode::BuildTemplate => {
                let interpolations = pop(f);
                let strings = pop(f);
                let t = crate::objects::template::build_template(self, strings, interpolations);
                unsafe { &mut *fp }.slots.push(t);
            }
            Opcode::MatchMapping => self.op_match_shape(f, true),
            Opcode::MatchSequence => self.op_match_shape(f, false),
            Opcode::MatchKeys => self.op_match_keys(fp)?,
            Opcode::MatchClass => self.op_match_class(fp, arg)?,
            Opcode::GetLen => self.op_get_len(fp)?,
            Opcode::LoadSpecial => self.op_load_special(fp, arg)?,
            Opcode::WithExceptStart => self.op_with_except_start(fp)?,
            Opcode::LoadSuperAttr => {
                self.op_load_super_attr(fp, code, arg)?;
                unsafe { &mut *fp }.ip += op.cache_entries();
            }
            _ => {
                return Err(self.system_error(format!("opcode {} is not supported yet", op.name())));
            }
        }
        Ok(None)
    }

    #[inline(always)]
    fn load_fast(&mut self, f: &Frame, code: &CodeData, i: usize) -> PyResult<Value> {
        match f.slots.get(i) {
            Some(Value::Null) | None => Err(self.unbound_local(code, i)),
            Some(v) => Ok(v.clone()),
        }
    }

    fn load_deref(&mut self, f: &Frame, code: &CodeData, i: usize) -> PyResult<Value> {
        if let Some(Payload::Cell(c)) = f.slots.get(i).and_then(|v| v.payload()) {
            let v = c.borrow().clone();
            if !v.is_null() {
                return Ok(v);
            }
        }
        Err(self.unbound_deref(code, i))
    }

    pub(super) fn unbound_local(&self, code: &CodeData, i: usize) -> crate::error::PyErr {
        let name = code.localsplus_names.get(i).cloned().unwrap_or(Value::None);
        let n = crate::protocol::attr::name_str(&name).to_string();
        let err = self.error(
            &self.types().exc.unbound_local_error,
            format!("cannot access local variable '{n}' where it is not associated with a value"),
        );
        self.set_exc_attr(&err.0, "name", name);
        err
    }

    fn unbound_deref(&self, code: &CodeData, i: usize) -> crate::error::PyErr {
        let kind = code
            .code
            .localsplus_kinds
            .get(i)
            .copied()
            .unwrap_or_default();
        if kind.is(LocalKind::FREE) {
            let name = code.localsplus_names.get(i).cloned().unwrap_or(Value::None);
            let n = crate::protocol::attr::name_str(&name).to_string();
            return self.name_error(
                format!("cannot access free variable '{n}' where it is not associated with a value in enclosing scope"),
                &name,
            );
        }
        self.unbound_local(code, i)
    }

    pub(crate) fn name_not_defined(&self, name: &Value) -> crate::error::PyErr {
        if let Err(e) = crate::objects::str_stand_in::require_utf8(self, name) {
            return e;
        }
        let n = crate::protocol::attr::name_str(name);
        self.name_error(format!("name '{n}' is not defined"), name)
    }

    fn load_name(&mut self, f: &Frame, name: &Value) -> PyResult<Value> {
        if let Some(locals) = &f.locals {
            if let Some(v) = self.lookup_in_mapping(locals, name)? {
                return Ok(v);
            }
        }
        self.load_global(f, name)
    }

    #[inline]
    fn load_global(&mut self, f: &Frame, name: &Value) -> PyResult<Value> {
        if let Some(v) = dict::get_str_value(&f.globals, name) {
            return Ok(v);
        }
        if let Some(v) = dict::get_str_value(&f.builtins, name) {
            return Ok(v);
        }
        Err(self.name_not_defined(name))
    }

    /// A dict whose class does not override `__getitem__`/`__setitem__` (a class
    /// namespace from `__prepare__` may, as `enum`'s does).
    fn is_plain_dict(&self, mapping: &ObjRef) -> bool {
        mapping.as_dict().is_some() && !self.type_is_heap(&self.class_of(mapping))
    }

    fn lookup_in_mapping(&mut self, mapping: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
        if self.is_plain_dict(mapping) {
            return dict::get_item(self, mapping, key);
        }
        let m = Value::Obj(mapping.clone());
        match self.get_item(&m, key) {
            Ok(v) => Ok(Some(v)),
            Err(e)
                if self.is_instance(
                    &Value::Obj(e.0.clone()),
                    &self.types().exc.key_error.clone(),
                ) =>
            {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    fn store_in_mapping(&mut self, mapping: &ObjRef, key: Value, v: Value) -> PyResult<()> {
        if self.is_plain_dict(mapping) {
            return dict::set_item(self, mapping, key, v);
        }
        self.set_item(&Value::Obj(mapping.clone()), &key, v)
    }

    fn common_constant(&mut self, arg: u32) -> PyResult<Value> {
        let t = self.types();
        Ok(match arg {
            0 => Value::Obj(t.exc.assertion_error.clone()),
            1 => Value::Obj(t.exc.not_implemented_error.clone()),
            2 => Value::Obj(t.tuple.clone()),
            3 => dict::get_str(&self.interp.builtins_dict, "all").unwrap_or(Value::None),
            4 => dict::get_str(&self.interp.builtins_dict, "any").unwrap_or(Value::None),
            _ => return Err(self.system_error("bad LOAD_COMMON_CONSTANT argument")),
        })
    }

    fn intrinsic_1(&mut self, arg: u32, v: Value) -> PyResult<Value> {
        match INTRINSIC_1.get(arg as usize).copied() {
            Some("INTRINSIC_PRINT") => {
                if !v.is_none() {
                    let r = self.repr(&v)?;
                    self.write_stdout(&format!("{r}\n"))?;
                    let b = self.interp.builtins_dict.clone();
                    dict::set_str(self, &b, "_", v);
                }
                Ok(Value::None)
            }
            Some("INTRINSIC_UNARY_POSITIVE") => self.positive(&v),
            Some("INTRINSIC_IMPORT_STAR") => {
                let target = match self.thread.frames.last() {
                    Some(f) => f.locals.clone().unwrap_or_else(|| f.globals.clone()),
                    None => return Err(self.system_error("import * outside a frame")),
                };
                self.import_star(&v, &target)?;
                Ok(Value::None)
            }
            Some("INTRINSIC_STOPITERATION_ERROR") => Ok(self.stop_iteration_error(v)),
            // CPython wraps an async generator's yielded value so that `asend` can tell
            // it from values passed up by the generator's awaits; adder tells them apart
            // by the suspending `YIELD_VALUE`'s argument instead (0 for the generator's
            // own `yield`, see `async_gen_yielded_own_value`), so nothing is allocated.
            Some("INTRINSIC_ASYNC_GEN_WRAP") => Ok(v),
            Some("INTRINSIC_LIST_TO_TUPLE") => {
                let items = self.collect_iterable(&v)?;
                Ok(self.new_tuple(items))
            }
            Some(name) => crate::objects::typevar_generic::intrinsic_1(self, name, v)
                .unwrap_or_else(|| Err(self.system_error(format!("{name} is not supported yet")))),
            None => Err(self.system_error("bad CALL_INTRINSIC_1 argument")),
        }
    }

    /// PEP 479: a StopIteration escaping a generator becomes RuntimeError.
    fn stop_iteration_error(&mut self, exc: Value) -> Value {
        let t = self.types();
        let (stop, stop_async) = (
            t.exc.stop_iteration.clone(),
            t.exc.stop_async_iteration.clone(),
        );
        let kind = self
            .thread
            .frames
            .last()
            .map_or(0, |f| f.code_data().code.flags);
        let noun = if kind & adder_bytecode::CodeFlags::COROUTINE != 0 {
            "coroutine"
        } else if kind & adder_bytecode::CodeFlags::ASYNC_GENERATOR != 0 {
            "async generator"
        } else {
            "generator"
        };
        let msg = if self.is_instance(&exc, &stop) {
            format!("{noun} raised StopIteration")
        } else if noun == "async generator" && self.is_instance(&exc, &stop_async) {
            "async generator raised StopAsyncIteration".to_string()
        } else {
            return exc;
        };
        let err = self.runtime_error(msg);
        if let Some(d) = self.exception_data(&err.0) {
            let mut d = d.borrow_mut();
            d.cause = exc.clone();
            d.context = exc;
            d.suppress_context = true;
        }
        Value::Obj(err.0)
    }

    fn unpack(&mut self, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = match seq.payload() {
            Some(Payload::Tuple(t)) => t.to_vec(),
            Some(Payload::List(l)) => l.borrow().clone(),
            _ => {
                let it = self.get_iter(seq).map_err(|_| {
                    self.type_error(format!(
                        "cannot unpack non-iterable {} object",
                        self.type_name(seq)
                    ))
                })?;
                let mut out = Vec::with_capacity(n);
                while let Some(v) = self.next(&it)? {
                    if out.len() == n {
                        return Err(
                            self.value_error(format!("too many values to unpack (expected {n})"))
                        );
                    }
                    out.push(v);
                }
                out
            }
        };
        if items.len() > n {
            return Err(self.value_error(format!(
                "too many values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        if items.len() < n {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        Ok(items)
    }

    fn extend_error(&self, e: crate::error::PyErr, v: &Value) -> crate::error::PyErr {
        if self.is_instance(&Value::Obj(e.0.clone()), &self.types().exc.type_error) {
            return self.type_error(format!(
                "Value after * must be an iterable, not {}",
                self.type_name(v)
            ));
        }
        e
    }

    /// `d.update(other)` for `**` unpacking and dict displays.
    pub fn dict_update_from(&mut self, d: &ObjRef, other: &Value) -> PyResult<()> {
        if let Some(Payload::Dict(o)) = other.payload() {
            let pairs: Vec<(Value, Value)> = o
                .borrow()
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect();
            for (k, v) in pairs {
                dict::set_item(self, d, k, v)?;
            }
            return Ok(());
        }
        let keys = self.call_method_by_name(other, "keys", &[])?;
        for k in self.collect_iterable(&keys)? {
            let v = self.get_item(other, &k)?;
            dict::set_item(self, d, k, v)?;
        }
        Ok(())
    }

    /// `obj.name(*args)`.
    pub fn call_method_by_name(
        &mut self,
        obj: &Value,
        name: &str,
        args: &[Value],
    ) -> PyResult<Value> {
        let name = self.new_str(name);
        let (m, self_) = self.get_method(obj, &name)?;
        match self_ {
            Some(s) => self.call_method_value(&m, &s, args),
            None => self.call(&m, args),
        }
    }

    fn make_function(&mut self, f: &Frame, code_obj: Value) -> PyResult<Value> {
        let Some(code) = code_obj.as_obj().cloned() else {
            return Err(self.system_error("MAKE_FUNCTION without a code object"));
        };
        let cd = code_data(&code);
        let name = self.new_str(&cd.code.name);
        let qualname = self.new_str(&cd.code.qualname);
        let module = dict::get_str(&f.globals, "__name__").unwrap_or(Value::None);
        let doc = if cd.code.flags & adder_bytecode::CodeFlags::HAS_DOCSTRING != 0 {
            cd.consts.first().cloned().unwrap_or(Value::None)
        } else {
            Value::None
        };
        Ok(crate::objects::function::new_function(
            self,
            code,
            f.globals.clone(),
            f.builtins.clone(),
            name,
            qualname,
            module,
            doc,
        ))
    }

    /// `CALL` / `CALL_KW`: the stack holds `callable, self_or_null, args...` (and the
    /// kwnames tuple on top for CALL_KW). Python functions get a new frame in this loop.
    pub(super) fn op_call(&mut self, fp: *mut Frame, argc: usize, kwnames_val: Value) -> Step {
        let f = unsafe { &mut *fp };
        let len = f.slots.len();
        let Some(base) = len.checked_sub(argc + 2) else {
            return Err(self.system_error("CALL with a short stack"));
        };
        // A bound method with a free self slot (CPython's CALL_BOUND_METHOD_*): its
        // function and `self` take the callable's and the self slot's places, so that
        // a Python function gets its frame straight away, with no argument vector.
        if f.slots[base + 1].is_null() && kwnames_val.is_null() {
            if let Some(Payload::Method { func, self_ }) = f.slots[base].payload() {
                let (func, self_) = (func.clone(), self_.clone());
                f.slots[base + 1] = self_;
                let method = std::mem::replace(&mut f.slots[base], func);
                drop(method);
                if self.push_python_frame(fp, argc)? {
                    return Ok(Some(Flow::Continue));
                }
            }
        }
        let f = unsafe { &mut *fp };
        let has_self = !f.slots[base + 1].is_null();
        let args_start = if has_self { base + 1 } else { base + 2 };
        let callable = f.slots[base].clone();
        f.ip += 3;
        let kwnames: &[Value] = kwnames_val
            .as_obj()
            .and_then(|o| o.as_tuple())
            .unwrap_or(&[]);

        // A Python function: push its frame and keep going in this loop.
        if let Value::Obj(o) = &callable {
            if let Payload::Function(_) = o.payload {
                if self.thread.frames.len() >= self.interp.recursion_limit.get() {
                    return Err(self.error(
                        &self.types().exc.recursion_error.clone(),
                        "maximum recursion depth exceeded",
                    ));
                }
                let new_frame = {
                    let args = Args {
                        values: &f.slots[args_start..],
                        kwnames,
                    };
                    self.make_function_frame(o, args)?
                };
                let f = unsafe { &mut *fp };
                f.slots.truncate(base);
                self.thread.frames.push(new_frame);
                return Ok(Some(Flow::Continue));
            }
        }
        // The arguments are passed in place, as a view of this frame's stack: nothing
        // else writes to this frame's slots while the callee runs (callees only push
        // frames above it), so the view stays valid; the slots are dropped afterwards.
        let count = f.slots.len() - args_start;
        // SAFETY: `args_start..len` is in bounds, and see above for why the memory is
        // neither moved nor mutated during the call.
        let values: &[Value] =
            unsafe { std::slice::from_raw_parts(f.slots.as_ptr().add(args_start), count) };
        let args = Args { values, kwnames };
        let result = match &callable {
            // A built-in function (`len`, `min`, `list.append` through its method
            // form...): called right here with the arguments in place.
            Value::Obj(o) => match &o.payload {
                Payload::BuiltinFunction(b) => self.call_builtin(b, args),
                _ => self.call_with(&callable, args),
            },
            _ => self.call_with(&callable, args),
        };
        let f = unsafe { &mut *fp };
        f.slots.truncate(base);
        super::push_reserved(&mut f.slots, result?);
        Ok(None)
    }

    fn call_function_ex(
        &mut self,
        func: &Value,
        callargs: &Value,
        kwargs: &Value,
    ) -> PyResult<Value> {
        let positional = match callargs.payload() {
            Some(Payload::Tuple(t)) => t.to_vec(),
            _ => match self.collect_iterable(callargs) {
                Ok(items) => items,
                Err(_) => {
                    let func = self.function_str(func)?;
                    return Err(self.type_error(format!(
                        "{func} argument after * must be an iterable, not {}",
                        self.type_name(callargs)
                    )));
                }
            },
        };
        let mut values = positional;
        let mut kwnames = Vec::new();
        if let Some(Payload::Dict(d)) = kwargs.payload() {
            for e in d.borrow().iter() {
                kwnames.push(e.key.clone());
                values.push(e.value.clone());
            }
        }
        self.call_with(
            func,
            Args {
                values: &values,
                kwnames: &kwnames,
            },
        )
    }

    /// Pop the finished top frame; hand `v` to the caller frame or out of the loop.
    pub(super) fn return_from_frame(&mut self, v: Value, entry_depth: usize) -> Flow {
        if let Some(done) = self.thread.frames.pop() {
            self.recycle_frame(done);
        }
        if self.thread.frames.len() == entry_depth {
            return Flow::Return(v);
        }
        if let Some(caller) = self.thread.frames.last_mut() {
            super::push_reserved(&mut caller.slots, v);
        }
        Flow::Continue
    }
}
