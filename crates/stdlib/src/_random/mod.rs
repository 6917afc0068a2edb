//! The `_random` module: `Random`, the Mersenne Twister generator that `random.Random`
//! subclasses (CPython's `Modules/_randommodule.c`): `random()`, `seed()`,
//! `getrandbits()`, `getstate()`/`setstate()`.

mod mt;

use std::cell::RefCell;

use adder_numeric::int_bytes::{from_bytes, ByteOrder};
use adder_numeric::BigInt;
use adder_vm::native_module::{add_type, new_native_type, NativeObject, NativeTypeSpec};
use adder_vm::object::{ObjRef, Payload};
use adder_vm::objects::function::Args;
use adder_vm::protocol::number::{as_int, IntRef};
use adder_vm::{PyResult, Value, Vm};
use dashu_base::UnsignedAbs;

use crate::arity;
use crate::native_util::{after_receiver as rest, receiver_value as receiver};
use mt::{Mt19937, STATE_WORDS};

struct Random(RefCell<Box<Mt19937>>);

impl NativeObject for Random {}

const TYPE_NAME: &str = "_random.Random";

fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a Random> {
    vm.native_self::<Random>(args, method, TYPE_NAME)
}

/// A generator seeded from the operating system's randomness (the time when that
/// fails), as `seed(None)`.
fn unpredictable() -> Mt19937 {
    let mut bytes = vec![0u8; STATE_WORDS * 4];
    let read = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut bytes));
    if read.is_err() {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        bytes = now.to_le_bytes().to_vec();
    }
    Mt19937::from_key(&words_of(&bytes))
}

/// Little-endian 32-bit words of little-endian bytes.
fn words_of(bytes: &[u8]) -> Vec<u32> {
    bytes
        .chunks(4)
        .map(|c| {
            let mut w = [0u8; 4];
            w[..c.len()].copy_from_slice(c);
            u32::from_le_bytes(w)
        })
        .collect()
}

/// The generator for `seed(arg)`: an int's absolute value, else `hash(arg)` as an
/// unsigned machine word, split into 32-bit words.
fn seeded(vm: &mut Vm, arg: &Value) -> PyResult<Mt19937> {
    if arg.is_none() {
        return Ok(unpredictable());
    }
    let magnitude: Vec<u8> = match as_int(arg) {
        Some(IntRef::Small(i)) => i.unsigned_abs().to_le_bytes().to_vec(),
        Some(IntRef::Big(b)) => b.unsigned_abs().to_le_bytes().to_vec(),
        None => (vm.hash(arg)? as u64).to_le_bytes().to_vec(),
    };
    let mut words = words_of(&magnitude);
    while words.len() > 1 && words.last() == Some(&0) {
        words.pop();
    }
    Ok(Mt19937::from_key(&words))
}

/// `Random.__new__(cls, *args)`: a generator seeded unpredictably (`__init__` or
/// `seed()` seeds it properly).
fn random_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Obj(cls)) = args.pos().first().cloned() else {
        return Err(vm.type_error("Random.__new__(X): X is not a type object"));
    };
    if !vm.type_is_heap(&cls) {
        arity::no_keywords(vm, &args, "Random")?;
    }
    Ok(vm.new_native_instance(&cls, Random(RefCell::new(Box::new(unpredictable())))))
}

/// `Random.__init__(seed=None)`.
fn random_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args, "__init__")?;
    let rest_args = rest(&args);
    if args.kwnames.is_empty() || vm.type_is_heap(&vm.type_of(&receiver(&args))) {
        arity::check_count(vm, rest_args.pos(), "Random", 0, 1)?;
    } else {
        arity::no_keywords(vm, &rest_args, "Random")?;
    }
    let generator = match rest_args.pos().first() {
        Some(arg) => seeded(vm, arg)?,
        None => unpredictable(),
    };
    **r.0.borrow_mut() = generator;
    Ok(Value::None)
}

fn seed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args, "seed")?;
    let rest_args = rest(&args);
    let pos = arity::positional(vm, &rest_args, "seed", "seed", 0, 1)?;
    let generator = seeded(vm, pos.first().unwrap_or(&Value::None))?;
    **r.0.borrow_mut() = generator;
    Ok(Value::None)
}

fn random(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args, "random")?;
    arity::positional(vm, &rest(&args), "random", "random", 0, 0)?;
    let x = r.0.borrow_mut().next_f64();
    Ok(Value::Float(x))
}

fn getrandbits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args, "getrandbits")?;
    let k = arity::one(vm, &rest(&args), "getrandbits")?;
    // CPython 3.14 takes k as a uint64_t: any negative int is the ValueError, past
    // 2**64 an OverflowError, and a k that fits but cannot be allocated a
    // MemoryError.
    let k = crate::number_args::to_index(vm, k)?;
    if k < BigInt::ZERO {
        return Err(vm.value_error("Cannot convert negative int"));
    }
    let Ok(k) = u64::try_from(&k) else {
        return Err(vm.overflow_error("Python int too large for C uint64_t"));
    };
    if k == 0 {
        return Ok(Value::Int(0));
    }
    let bits = usize::try_from(k).unwrap_or(usize::MAX);
    let Some(bytes) = r.0.borrow_mut().random_bits(bits) else {
        return Err(crate::native_util::memory_error(vm));
    };
    Ok(vm.new_int(from_bytes(&bytes, ByteOrder::Little, false)))
}

/// `getstate()`: the 624 words and the index, as a tuple of 625 ints.
fn getstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args, "getstate")?;
    arity::positional(vm, &rest(&args), "getstate", "getstate", 0, 0)?;
    let g = r.0.borrow();
    let mut items: Vec<Value> = g.state.iter().map(|&w| Value::Int(i64::from(w))).collect();
    items.push(Value::Int(g.index as i64));
    drop(g);
    Ok(vm.new_tuple(items))
}

/// A state word: an int that fits an unsigned C long, truncated to 32 bits as CPython.
fn state_word(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let Some(i) = as_int(v) else {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        )));
    };
    let big: BigInt = i.to_big().into_owned();
    u64::try_from(&big).map(|w| w as u32).map_err(|_| {
        if big < BigInt::ZERO {
            vm.overflow_error("can't convert negative value to unsigned int")
        } else {
            vm.overflow_error("Python int too large to convert to C unsigned long")
        }
    })
}

fn setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = this(vm, &args, "setstate")?;
    let state = arity::one(vm, &rest(&args), "setstate")?;
    let Some(Payload::Tuple(items)) = state.payload() else {
        return Err(vm.type_error("state vector must be a tuple"));
    };
    if items.len() != STATE_WORDS + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut g = Mt19937::from_u32(0);
    for (slot, v) in g.state.iter_mut().zip(items.iter()) {
        *slot = state_word(vm, v)?;
    }
    let index = crate::number_args::to_ssize(vm, &items[STATE_WORDS])?;
    if !(0..=STATE_WORDS as i64).contains(&index) {
        return Err(vm.value_error("invalid state"));
    }
    g.index = index as usize;
    **r.0.borrow_mut() = g;
    Ok(Value::None)
}

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let ty = new_native_type(
        vm,
        NativeTypeSpec {
            name: "Random",
            module: "_random",
            base: None,
            new: Some(random_new),
            init: Some(random_init),
            methods: &[
                ("random", random),
                ("seed", seed),
                ("getrandbits", getrandbits),
                ("getstate", getstate),
                ("setstate", setstate),
            ],
            subclassable: true,
        },
    );
    add_type(vm, module, &ty);
    Ok(())
}
