//! The built-in functions.

use crate::error::PyResult;
use crate::object::Payload;
use crate::objects::function::{Args, NativeFn};
use crate::objects::str_stand_in::unexpected_keyword;
use crate::protocol::attr::name_str;
use crate::protocol::compare::CmpOp;
use crate::protocol::number::{as_float, as_int, BinOp, IntRef};
use crate::value::Value;
use crate::vm::Vm;

pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("print", print),
    ("aiter", crate::objects::anext_awaitable::aiter),
    ("anext", crate::objects::anext_awaitable::anext),
    ("len", len),
    ("repr", repr),
    ("ascii", ascii),
    ("abs", abs),
    ("min", min),
    ("max", max),
    ("sum", sum),
    ("isinstance", isinstance),
    ("issubclass", issubclass),
    ("id", id),
    ("hash", hash),
    ("iter", iter),
    ("next", next),
    ("callable", callable),
    ("getattr", getattr),
    ("setattr", setattr),
    ("hasattr", hasattr),
    ("delattr", delattr),
    ("chr", chr),
    ("ord", ord),
    ("format", super::text::format),
    ("bin", super::text::bin),
    ("oct", super::text::oct),
    ("hex", super::text::hex),
    ("input", super::text::input),
    ("divmod", divmod),
    ("pow", pow),
    ("any", any),
    ("all", all),
    ("sorted", sorted),
    ("globals", globals),
    ("round", crate::objects::float_methods::round),
    ("dir", super::introspection::dir),
    ("vars", super::introspection::vars),
    ("locals", super::introspection::locals),
    ("__build_class__", crate::objects::class_build::build_class),
    ("__import__", crate::import::builtin_import::builtin_import),
];

/// Check the positional count: `name() takes exactly one argument (N given)` style.
/// The check is inlined into every built-in (it runs on each of their calls), the
/// message is built out of line.
#[inline]
fn arity(vm: &Vm, args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = args.values.len();
    if args.kwnames.is_empty() && n >= min && n <= max {
        return Ok(());
    }
    Err(arity_error(vm, args, name, min, max))
}

#[cold]
fn arity_error(vm: &Vm, args: &Args, name: &str, min: usize, max: usize) -> crate::error::PyErr {
    let n = args.pos().len();
    let msg = if !args.kwnames.is_empty() {
        format!("{name}() takes no keyword arguments")
    } else if max == 0 {
        format!("{name}() takes no arguments ({n} given)")
    } else if min == max && min == 1 {
        format!("{name}() takes exactly one argument ({n} given)")
    } else if min == max {
        format!(
            "{name} expected {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )
    };
    vm.type_error(msg)
}

fn print(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = Value::None;
    let mut flush = false;
    // The `sep`/`end` str objects, written as they are to files other than stdout.
    let (mut sep_obj, mut end_obj) = (None, None);
    for (k, v) in args.kwargs() {
        match name_str(k) {
            "sep" | "end" => {
                let text = match v {
                    Value::None => None,
                    _ => match v.payload() {
                        Some(Payload::Str(s)) => Some(s.as_str().to_string()),
                        _ => {
                            return Err(vm.type_error(format!(
                                "{} must be None or a string, not {}",
                                name_str(k),
                                vm.type_name(v)
                            )))
                        }
                    },
                };
                if let Some(t) = text {
                    if name_str(k) == "sep" {
                        sep = t;
                        sep_obj = Some(v.clone());
                    } else {
                        end = t;
                        end_obj = Some(v.clone());
                    }
                }
            }
            "file" => file = v.clone(),
            "flush" => flush = vm.is_true(v)?,
            _ => return Err(unexpected_keyword(vm, "print", k)),
        }
    }
    if file.is_none() {
        let sys_dict = vm.interp.sys.dict_obj();
        match sys_dict.and_then(|d| crate::objects::dict::get_str(&d, "stdout")) {
            Some(Value::None) => return Ok(Value::None),
            Some(stdout) => file = stdout,
            None => return Err(vm.runtime_error("lost sys.stdout")),
        }
    }
    // A `sep`/`end` with lone surrogates goes through `write`, which rejects them.
    let has_surrogates = |v: &Option<Value>| match v.as_ref().and_then(|v| v.payload()) {
        Some(Payload::Str(s)) => s.has_surrogates(),
        _ => false,
    };
    let exact_kw = has_surrogates(&sep_obj) || has_surrogates(&end_obj);
    if !exact_kw
        && matches!(
            file.payload(),
            Some(Payload::StdStream(
                crate::objects::std_stream::StdStream::Stdout
            ))
        )
    {
        let mut out = String::new();
        for (i, v) in args.pos().iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            if let Some(Payload::Str(s)) = v.payload() {
                if s.has_surrogates() {
                    // What precedes the unencodable piece is written, as by CPython.
                    vm.write_stdout(&out)?;
                    out.clear();
                    out.push_str(&crate::objects::codecs::stream_text(vm, s, v, "strict")?);
                    continue;
                }
            }
            out.push_str(&vm.to_str(v)?);
        }
        out.push_str(&end);
        vm.write_stdout(&out)?;
        if flush {
            vm.flush_stdout();
        }
        return Ok(Value::None);
    }
    // Any other file gets one `write` per piece, as CPython's print does.
    for (i, v) in args.pos().iter().enumerate() {
        if i > 0 {
            let s = sep_obj.clone().unwrap_or_else(|| vm.new_str(&sep));
            vm.call_method_by_name(&file, "write", &[s])?;
        }
        let s = if std::rc::Rc::ptr_eq(&vm.type_of(v), &vm.types().str_) {
            // An exact str is its own `str()` (lone surrogates included).
            v.clone()
        } else {
            crate::objects::str_stand_in::exact(vm, |vm| vm.to_str(v))?
        };
        vm.call_method_by_name(&file, "write", &[s])?;
    }
    let s = end_obj.unwrap_or_else(|| vm.new_str(&end));
    vm.call_method_by_name(&file, "write", &[s])?;
    if flush {
        vm.call_method_by_name(&file, "flush", &[])?;
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "len", 1, 1)?;
    Ok(Value::Int(vm.len(&args.pos()[0])? as i64))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "repr", 1, 1)?;
    crate::objects::str_stand_in::exact(vm, |vm| vm.repr(&args.pos()[0]))
}

fn ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "ascii", 1, 1)?;
    crate::objects::str_stand_in::exact(vm, |vm| {
        Ok(crate::objects::repr::ascii_escape(
            &vm.repr(&args.pos()[0])?,
        ))
    })
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "abs", 1, 1)?;
    vm.absolute(&args.pos()[0])
}

/// `min(a, b)`/`max(a, b)` of two unboxed ints or two floats, the form of hot loops:
/// the first argument unless the second is strictly better, as the general loop
/// decides (so a NaN never wins, as in CPython). `None` for any other call.
#[inline]
fn min_max_of_two_numbers(args: &Args, op: CmpOp) -> Option<Value> {
    let second_better = match args.values {
        [Value::Int(a), Value::Int(b)] => match op {
            CmpOp::Lt => b < a,
            _ => b > a,
        },
        [Value::Float(a), Value::Float(b)] => match op {
            CmpOp::Lt => b < a,
            _ => b > a,
        },
        _ => return None,
    };
    if !args.kwnames.is_empty() {
        return None;
    }
    let [first, second] = args.values else {
        return None;
    };
    Some(if second_better { second } else { first }.clone())
}

/// `min()`/`max()` with `key` and `default`.
fn min_max(vm: &mut Vm, args: Args, name: &str, op: CmpOp) -> PyResult<Value> {
    if let Some(best) = min_max_of_two_numbers(&args, op) {
        return Ok(best);
    }
    let mut key = Value::None;
    let mut default = Value::Null;
    for (k, v) in args.kwargs() {
        match name_str(k) {
            "key" => key = v.clone(),
            "default" => default = v.clone(),
            _ => return Err(unexpected_keyword(vm, name, k)),
        }
    }
    let pos = args.pos();
    // `max(a, b)` compares the arguments where they lie (no copy of them: this is the
    // form in hot loops); `max(iterable)` collects the iterable first.
    let collected;
    let items: &[Value] = match pos.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => {
            collected = vm.collect_iterable(&pos[0])?;
            &collected
        }
        _ => {
            if !default.is_null() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            pos
        }
    };
    // `Null` until the first item; kept as two plain values rather than an
    // `Option<(Value, Value)>`, whose moves cost more than the comparisons here.
    let mut best = Value::Null;
    let mut best_key = Value::Null;
    for item in items {
        let k = if key.is_none() {
            item.clone()
        } else {
            vm.call(&key, std::slice::from_ref(item))?
        };
        let better = match (&k, &best_key) {
            (_, Value::Null) => true,
            // Unboxed ints compare without the general protocol.
            (Value::Int(a), Value::Int(b)) => match op {
                CmpOp::Lt => a < b,
                _ => a > b,
            },
            _ => {
                let r = vm.rich_compare(&k, &best_key, op)?;
                vm.is_true(&r)?
            }
        };
        if better {
            best = item.clone();
            best_key = k;
        }
    }
    if !best.is_null() {
        Ok(best)
    } else if !default.is_null() {
        Ok(default)
    } else {
        Err(vm.value_error(format!("{name}() iterable argument is empty")))
    }
}

fn min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "min", CmpOp::Lt)
}

fn max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "max", CmpOp::Gt)
}

fn sum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() + args.kwnames.len() > 2 {
        return Err(vm.type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            pos.len() + args.kwnames.len()
        )));
    }
    if pos.is_empty() {
        return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    let mut start = pos.get(1).cloned().unwrap_or(Value::Int(0));
    for (k, v) in args.kwargs() {
        if name_str(k) == "start" {
            start = v.clone();
        }
    }
    if let Some(Payload::Str(_)) = start.payload() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let items = vm.collect_iterable(&pos[0])?;
    let mut acc = start;
    let mut float_acc: Option<(f64, f64)> = None;
    for item in items {
        // Neumaier-compensated float summation, as CPython 3.12+.
        if let (Some(x), true) = (
            as_float(&item),
            matches!(acc, Value::Float(_)) || float_acc.is_some(),
        ) {
            let (s, c) = float_acc.get_or_insert_with(|| (as_float(&acc).unwrap_or(0.0), 0.0));
            let t = *s + x;
            if s.abs() >= x.abs() {
                *c += (*s - t) + x;
            } else {
                *c += (x - t) + *s;
            }
            *s = t;
            continue;
        }
        if let Some((s, c)) = float_acc.take() {
            acc = crate::objects::float_new::new_float(vm, s + c);
        }
        acc = vm.binary_op(&acc, &item, 0)?;
    }
    if let Some((s, c)) = float_acc {
        acc = crate::objects::float_new::new_float(vm, s + c);
    }
    Ok(acc)
}

fn isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "isinstance", 2, 2)?;
    let p = args.pos();
    vm.isinstance(&p[0], &p[1]).map(Value::Bool)
}

fn issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "issubclass", 2, 2)?;
    let p = args.pos();
    vm.issubclass(&p[0], &p[1]).map(Value::Bool)
}

fn id(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "id", 1, 1)?;
    Ok(Value::Int(args.pos()[0].id()))
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "hash", 1, 1)?;
    Ok(Value::Int(vm.hash(&args.pos()[0])?))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "iter", 1, 2)?;
    match args.pos() {
        [callable, sentinel] => crate::objects::iterators::callable_iter(vm, callable, sentinel),
        p => vm.get_iter(&p[0]),
    }
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "next", 1, 2)?;
    let p = args.pos();
    if !vm.is_iterator(&p[0]) {
        return Err(vm.type_error(format!(
            "'{}' object is not an iterator",
            vm.type_name(&p[0])
        )));
    }
    // One delegation step keeps the StopIteration value (`next(coro.__await__())`).
    let exhausted_value = match vm.delegate_send(&p[0], Value::None)? {
        crate::eval::generator::GenResult::Yielded(v) => return Ok(v),
        crate::eval::generator::GenResult::Returned(v) => v,
    };
    match p.get(1) {
        Some(d) => Ok(d.clone()),
        None => {
            let args = if exhausted_value.is_none() {
                vec![]
            } else {
                vec![exhausted_value]
            };
            Err(crate::error::PyErr(vm.new_exception(
                &vm.types().exc.stop_iteration.clone(),
                args,
            )))
        }
    }
}

fn callable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "callable", 1, 1)?;
    Ok(Value::Bool(crate::objects::iterators::is_callable(
        vm,
        &args.pos()[0],
    )))
}

fn attr_name(vm: &Vm, v: &Value) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::Str(_)) => Ok(v.clone()),
        _ => Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "getattr", 2, 3)?;
    let p = args.pos();
    let name = attr_name(vm, &p[1])?;
    match p.get(2) {
        None => vm.get_attr(&p[0], &name),
        Some(d) => Ok(vm
            .get_optional_attr(&p[0], &name)?
            .unwrap_or_else(|| d.clone())),
    }
}

fn setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "setattr", 3, 3)?;
    let p = args.pos();
    let name = attr_name(vm, &p[1])?;
    vm.set_attr(&p[0], &name, p[2].clone())?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "hasattr", 2, 2)?;
    let p = args.pos();
    let name = attr_name(vm, &p[1])?;
    Ok(Value::Bool(vm.get_optional_attr(&p[0], &name)?.is_some()))
}

fn delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "delattr", 2, 2)?;
    let p = args.pos();
    let name = attr_name(vm, &p[1])?;
    vm.del_attr(&p[0], &name)?;
    Ok(Value::None)
}

fn chr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "chr", 1, 1)?;
    let i = match as_int(&args.pos()[0]) {
        Some(IntRef::Small(i)) => i,
        Some(IntRef::Big(_)) => {
            return Err(vm.overflow_error("Python int too large to convert to C int"))
        }
        None => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&args.pos()[0])
            )))
        }
    };
    match u32::try_from(i).ok().filter(|&cp| cp < 0x110000) {
        Some(cp) => Ok(crate::objects::str_exact::code_point_value(vm, cp)),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "ord", 1, 1)?;
    let v = &args.pos()[0];
    match v.payload() {
        Some(Payload::Str(s)) => {
            if s.char_len() != 1 {
                return Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len()
                )));
            }
            Ok(Value::Int(s.code_point_at(0).map_or(0, |cp| cp as i64)))
        }
        Some(Payload::Bytes(b)) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        _ => Err(vm.type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(v)
        ))),
    }
}

/// `divmod(a, b)`: `__divmod__`/`__rdivmod__` of Python classes in the binary-operator
/// order (a subclass's reflected method first), else the built-in numbers' own
/// divmod, which never goes through an overridden `__floordiv__`/`__mod__`.
fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "divmod", 2, 2)?;
    let (a, b) = (&args.pos()[0], &args.pos()[1]);
    let not_impl = vm.types().not_implemented.clone();
    let (ta, tb) = (vm.type_of(a), vm.type_of(b));
    let reflected = if std::rc::Rc::ptr_eq(&ta, &tb) {
        None
    } else {
        vm.lookup_special_heap(b, "__rdivmod__")
    };
    let subclass_first = vm.is_subtype(&tb, &ta);
    let mut attempts: Vec<(Value, &Value, &Value)> = Vec::with_capacity(2);
    if let (Some(rm), true) = (&reflected, subclass_first) {
        attempts.push((rm.clone(), b, a));
    }
    if let Some(m) = vm.lookup_special_heap(a, "__divmod__") {
        attempts.push((m, a, b));
    }
    if let (Some(rm), false) = (&reflected, subclass_first) {
        attempts.push((rm.clone(), b, a));
    }
    for (method, receiver, other) in attempts {
        let r = vm.call_method_value(&method, receiver, std::slice::from_ref(other))?;
        if !r.is(&not_impl) {
            return Ok(r);
        }
    }
    // The built-in numbers, as exact int or float values.
    let exact = |v: &Value, vm: &Vm| -> Option<Value> {
        if let Some(i) = as_int(v) {
            return Some(vm.new_int(i.to_big().into_owned()));
        }
        as_float(v).map(Value::Float)
    };
    match (exact(a, vm), exact(b, vm)) {
        (Some(x), Some(y)) => {
            let q = vm.binary_op(&x, &y, BinOp::FloorDiv as u32)?;
            let r = vm.binary_op(&x, &y, BinOp::Rem as u32)?;
            Ok(vm.new_tuple(vec![q, r]))
        }
        _ => Err(vm.type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            vm.type_name(a),
            vm.type_name(b)
        ))),
    }
}

fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "pow", 2, 3)?;
    let p = args.pos();
    match p.get(2) {
        None | Some(Value::None) => vm.binary_op(&p[0], &p[1], BinOp::Pow as u32),
        Some(m) => match (as_int(&p[0]), as_int(&p[1]), as_int(m)) {
            (Some(a), Some(b), Some(c)) => {
                let r = adder_numeric::int::pow_mod(&a.to_big(), &b.to_big(), &c.to_big())
                    .map_err(|e| vm.num_error(e))?;
                Ok(vm.new_int(r))
            }
            _ if crate::objects::complex::as_complex(&p[0]).is_some()
                || crate::objects::complex::as_complex(&p[1]).is_some() =>
            {
                Err(vm.value_error("complex modulo"))
            }
            _ => {
                Err(vm
                    .type_error("pow() 3rd argument not allowed unless all arguments are integers"))
            }
        },
    }
}

fn any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "any", 1, 1)?;
    let it = vm.get_iter(&args.pos()[0])?;
    while let Some(v) = vm.next(&it)? {
        if vm.is_true(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "all", 1, 1)?;
    let it = vm.get_iter(&args.pos()[0])?;
    while let Some(v) = vm.next(&it)? {
        if !vm.is_true(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn sorted(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = args.pos();
    if p.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", p.len())));
    }
    let items = vm.collect_iterable(&p[0])?;
    let list = vm.new_list(items);
    let mut all = vec![list.clone()];
    all.extend(args.values[1..].iter().cloned());
    crate::objects::list::list_sort(
        vm,
        Args {
            values: &all,
            kwnames: args.kwnames,
        },
    )?;
    Ok(list)
}

fn globals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    arity(vm, &args, "globals", 0, 0)?;
    match vm.thread.frames.last() {
        Some(f) => Ok(Value::Obj(f.globals.clone())),
        None => Ok(Value::None),
    }
}
