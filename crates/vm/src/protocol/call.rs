//! Calling objects, and binding arguments to a Python function's parameters with
//! CPython's exact error messages.

use adder_bytecode::CodeFlags;

use crate::error::PyResult;
use crate::frame::{code_data, Frame};
use crate::object::{ObjRef, Payload};
use crate::objects::dict;
use crate::objects::function::{Args, BuiltinFunction, Function};
use crate::objects::generic_alias::GenericAlias;
use crate::objects::slot_wrapper::SlotWrapper;
use crate::objects::str_stand_in::unexpected_keyword;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `callable(*args)`.
    pub fn call(&mut self, callable: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_with(callable, Args::positional_only(args))
    }

    /// `callable(*positional, **keywords)` in vectorcall form.
    pub fn call_with(&mut self, callable: &Value, args: Args) -> PyResult<Value> {
        let Value::Obj(o) = callable else {
            return Err(self.not_callable(callable));
        };
        match &o.payload {
            Payload::Function(_) => {
                let frame = self.make_function_frame(o, args)?;
                self.run_frame(frame)
            }
            Payload::BuiltinFunction(b) => self.call_builtin(b, args),
            Payload::Method { func, self_ } => {
                let mut all = Vec::with_capacity(args.values.len() + 1);
                all.push(self_.clone());
                all.extend_from_slice(args.values);
                let func = func.clone();
                self.call_with(
                    &func,
                    Args {
                        values: &all,
                        kwnames: args.kwnames,
                    },
                )
            }
            Payload::Type(_) => crate::objects::type_call::call_type(self, o, args),
            // Static methods are callable since 3.10 (an implicit `__new__` in a class
            // dict is one).
            Payload::StaticMethod(f) => {
                let f = f.clone();
                self.call_with(&f, args)
            }
            Payload::Native(_) if o.native::<SlotWrapper>().is_some() => {
                let Some(w) = o.native::<SlotWrapper>() else {
                    return Err(self.not_callable(callable));
                };
                self.enter_native()?;
                let r = crate::objects::slot_wrapper::call(self, w, args);
                self.leave_native();
                r
            }
            Payload::Native(_) if o.native::<GenericAlias>().is_some() => {
                crate::objects::generic_alias::call(self, callable, args)
            }
            _ => {
                if let Some(m) = self.lookup_special_heap(callable, "__call__") {
                    if !crate::protocol::attr::binds_as_method(&m) {
                        return self.call_with(&m, args);
                    }
                    let mut all = Vec::with_capacity(args.values.len() + 1);
                    all.push(callable.clone());
                    all.extend_from_slice(args.values);
                    return self.call_with(
                        &m,
                        Args {
                            values: &all,
                            kwnames: args.kwnames,
                        },
                    );
                }
                Err(self.not_callable(callable))
            }
        }
    }

    /// Call a function implemented in Rust, counting the native nesting depth.
    #[inline]
    pub(crate) fn call_builtin(&mut self, b: &BuiltinFunction, args: Args) -> PyResult<Value> {
        self.enter_native()?;
        let r = (b.func)(self, args);
        self.leave_native();
        r
    }

    pub fn not_callable(&self, v: &Value) -> crate::error::PyErr {
        self.type_error(format!(
            "'{}' object is not callable",
            self.type_display_name_of_value(v)
        ))
    }

    /// Guard Rust-level re-entry (native code calling back into Python, nested reprs).
    /// Inlined: every call of a built-in passes here.
    #[inline]
    pub fn enter_native(&mut self) -> PyResult<()> {
        if self.thread.native_depth >= crate::eval::MAX_NATIVE_DEPTH {
            return Err(self.native_depth_exceeded());
        }
        self.thread.native_depth += 1;
        Ok(())
    }

    #[cold]
    fn native_depth_exceeded(&self) -> crate::error::PyErr {
        self.error(
            &self.types().exc.recursion_error.clone(),
            "maximum recursion depth exceeded",
        )
    }

    #[inline]
    pub fn leave_native(&mut self) {
        self.thread.native_depth -= 1;
    }

    /// A ready-to-run frame for calling the Python function `func_obj` with `args`.
    pub fn make_function_frame(&mut self, func_obj: &ObjRef, args: Args) -> PyResult<Box<Frame>> {
        let Payload::Function(func) = &func_obj.payload else {
            return Err(self.system_error("make_function_frame on a non-function"));
        };
        let code_obj = func.code.borrow().clone();
        let code = code_data(&code_obj);
        let co = &code.code;
        let nslots = co.nlocalsplus();
        let mut frame = self.new_frame(
            code_obj.clone(),
            Some(func_obj.clone()),
            func.globals.clone(),
            func.builtins.clone(),
            None,
        );
        let argcount = co.argcount as usize;
        let given = args.values.len();
        let positional_only_call = args.kwnames.is_empty()
            && given <= argcount
            && co.kwonlyargcount == 0
            && co.flags & (CodeFlags::VARARGS | CodeFlags::VARKEYWORDS) == 0;
        let defaults = func.defaults.borrow();
        let default_values: &[Value] = defaults.as_obj().and_then(|o| o.as_tuple()).unwrap_or(&[]);
        // Positional arguments, with any missing trailing ones filled from the defaults.
        if positional_only_call && given + default_values.len() >= argcount {
            frame.slots.extend_from_slice(args.values);
            frame
                .slots
                .extend_from_slice(&default_values[default_values.len() - (argcount - given)..]);
            frame.slots.resize(nslots, Value::Null);
        } else {
            drop(defaults);
            frame.slots.resize(nslots, Value::Null);
            self.bind_arguments(func, &code_obj, &mut frame.slots, args)?;
        }
        Ok(frame)
    }

    /// A frame from the free list (or a new one) set up to run `code`.
    pub fn new_frame(
        &mut self,
        code: ObjRef,
        func: Option<ObjRef>,
        globals: ObjRef,
        builtins: ObjRef,
        locals: Option<ObjRef>,
    ) -> Box<Frame> {
        let mut frame = self.frame_for(&code, &globals, &builtins);
        frame.func = func;
        frame.locals = locals;
        frame
    }

    /// A frame from the free list (or a new one) for `code`, with no function and no
    /// locals mapping, and empty slots with room for the fast locals and the value
    /// stack. A recycled frame still holds the code, globals and builtins of its last
    /// run, so a frame reused for the same function (recursion, a call in a loop) takes
    /// new references only for what changed. Inlined into every caller: this is
    /// the frame push of every Python call.
    #[inline(always)]
    pub(crate) fn frame_for(
        &mut self,
        code: &ObjRef,
        globals: &ObjRef,
        builtins: &ObjRef,
    ) -> Box<Frame> {
        let co = &code_data(code).code;
        let cap = co.nlocalsplus() + co.stacksize as usize + 1;
        match self.thread.free_frames.pop() {
            Some(mut f) => {
                set_ref(&mut f.code, code);
                set_ref(&mut f.globals, globals);
                set_ref(&mut f.builtins, builtins);
                // `recycle_frame` left the slots empty and the frame object and
                // function unset.
                f.slots.reserve(cap);
                f.ip = 0;
                f.lasti = 0;
                f.generator = None;
                f
            }
            None => Box::new(Frame {
                code: code.clone(),
                func: None,
                globals: globals.clone(),
                builtins: builtins.clone(),
                locals: None,
                slots: Vec::with_capacity(cap),
                ip: 0,
                lasti: 0,
                frame_obj: None,
                generator: None,
            }),
        }
    }

    /// Match positional and keyword arguments to parameters, fill defaults, collect
    /// `*args`/`**kwargs`, and report mismatches as CPython does.
    fn bind_arguments(
        &mut self,
        func: &Function,
        code_obj: &ObjRef,
        slots: &mut [Value],
        args: Args,
    ) -> PyResult<()> {
        let code = code_data(code_obj);
        let co = &code.code;
        let argcount = co.argcount as usize;
        let posonly = co.posonlyargcount as usize;
        let kwonly = co.kwonlyargcount as usize;
        let has_varargs = co.flags & CodeFlags::VARARGS != 0;
        let has_varkw = co.flags & CodeFlags::VARKEYWORDS != 0;
        // Only the error messages need the name: compute it lazily.
        let qualname = || crate::protocol::attr::name_str(&func.qualname.borrow()).to_string();
        let positional = args.pos();
        let total_params = argcount + kwonly;
        let mut next = total_params;
        let varargs_slot = has_varargs.then(|| {
            next += 1;
            next - 1
        });
        let varkw_slot = has_varkw.then_some(next);

        let given = positional.len();
        for (i, v) in positional.iter().take(argcount).enumerate() {
            slots[i] = v.clone();
        }
        if let Some(slot) = varargs_slot {
            let extra = positional.get(argcount..).unwrap_or(&[]).to_vec();
            slots[slot] = self.new_tuple(extra);
        } else if given > argcount {
            return Err(self.too_many_positional(func, &qualname(), argcount, given, args));
        }
        let kwdict = match varkw_slot {
            Some(slot) => {
                let d = self.new_dict();
                slots[slot] = Value::Obj(d.clone());
                Some(d)
            }
            None => None,
        };
        let mut posonly_as_kw = Vec::new();
        for (name, value) in args.kwargs() {
            let n = crate::protocol::attr::name_str(name);
            let index = code.localsplus_names[..total_params]
                .iter()
                .position(|p| crate::protocol::attr::name_str(p) == n);
            match index {
                Some(i) if i >= posonly => {
                    if !slots[i].is_null() {
                        return Err(self.type_error(format!(
                            "{}() got multiple values for argument '{n}'",
                            qualname()
                        )));
                    }
                    slots[i] = value.clone();
                }
                other => match &kwdict {
                    Some(d) => {
                        if dict::get_item(self, d, name)?.is_some() {
                            return Err(self.type_error(format!(
                                "{}() got multiple values for keyword argument '{n}'",
                                qualname()
                            )));
                        }
                        dict::set_item(self, d, name.clone(), value.clone())?;
                    }
                    None if other.is_some() => posonly_as_kw.push(n.to_string()),
                    None => {
                        return Err(unexpected_keyword(self, &qualname(), name));
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                qualname(),
                posonly_as_kw.join(", ")
            )));
        }
        // Defaults for the trailing positional parameters.
        let defaults_value = func.defaults.borrow().clone();
        let defaults: &[Value] = defaults_value
            .as_obj()
            .and_then(|o| o.as_tuple())
            .unwrap_or(&[]);
        let first_default = argcount.saturating_sub(defaults.len());
        let mut missing = Vec::new();
        for i in given.min(argcount)..argcount {
            if slots[i].is_null() {
                if i >= first_default {
                    slots[i] = defaults[i - first_default].clone();
                } else {
                    missing.push(
                        crate::protocol::attr::name_str(&code.localsplus_names[i]).to_string(),
                    );
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                qualname(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        let kwdefaults = func.kwdefaults.borrow().as_obj().cloned();
        for (i, slot) in slots
            .iter_mut()
            .enumerate()
            .take(total_params)
            .skip(argcount)
        {
            if slot.is_null() {
                let name = code.localsplus_names[i].clone();
                let default = match &kwdefaults {
                    Some(d) if d.as_dict().is_some() => dict::get_item(self, d, &name)?,
                    _ => None,
                };
                match default {
                    Some(v) => *slot = v,
                    None => missing.push(crate::protocol::attr::name_str(&name).to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{}() missing {} required keyword-only argument{}: {}",
                qualname(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        Ok(())
    }

    fn too_many_positional(
        &self,
        func: &Function,
        qualname: &str,
        argcount: usize,
        given: usize,
        args: Args,
    ) -> crate::error::PyErr {
        let ndefaults = func
            .defaults
            .borrow()
            .as_obj()
            .and_then(|o| o.as_tuple())
            .map_or(0, |t| t.len());
        let takes = if ndefaults > 0 {
            format!("from {} to {argcount}", argcount - ndefaults.min(argcount))
        } else {
            argcount.to_string()
        };
        let plural = if argcount == 1 && ndefaults == 0 {
            ""
        } else {
            "s"
        };
        let kw_given = args.kwnames.len();
        let given_text = if kw_given > 0 {
            format!(
                "{given} positional argument{} (and {kw_given} keyword-only argument{}) were given",
                if given == 1 { "" } else { "s" },
                if kw_given == 1 { "" } else { "s" }
            )
        } else {
            format!("{given} {} given", if given == 1 { "was" } else { "were" })
        };
        self.type_error(format!(
            "{qualname}() takes {takes} positional argument{plural} but {given_text}"
        ))
    }
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` (CPython's list of missing names).
fn join_names(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// Make `slot` refer to `value`'s object, taking a reference only if it does not yet.
#[inline(always)]
fn set_ref(slot: &mut ObjRef, value: &ObjRef) {
    if !std::rc::Rc::ptr_eq(slot, value) {
        *slot = value.clone();
    }
}
