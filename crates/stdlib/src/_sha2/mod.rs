//! The `_sha2` module (CPython's `Modules/sha2module.c`): `sha224`, `sha256`,
//! `sha384`, `sha512`, which `hashlib` falls back on and `random.seed()` uses to seed
//! from str and bytes.

mod digest;

use std::cell::RefCell;
use std::rc::Rc;

use adder_vm::native_module::{
    add_functions, add_type, new_native_type, NativeObject, NativeTypeSpec,
};
use adder_vm::object::{ObjRef, Payload};
use adder_vm::objects::bytes::new_bytes;
use adder_vm::objects::function::{Args, NativeFn};
use adder_vm::{PyResult, Value, Vm};

use crate::args::{bind, Params};
use crate::arity;
use crate::native_util::after_receiver as after_self;
use digest::{Algorithm, Hasher};

struct Sha2(RefCell<Hasher>);

impl NativeObject for Sha2 {}

/// The four hash types, in `Algorithm` order.
struct Sha2Types([ObjRef; 4]);

const ALGORITHMS: [Algorithm; 4] = [
    Algorithm::Sha224,
    Algorithm::Sha256,
    Algorithm::Sha384,
    Algorithm::Sha512,
];

fn type_for(vm: &Vm, algorithm: Algorithm) -> PyResult<ObjRef> {
    let types: Rc<Sha2Types> = vm
        .native_state::<Sha2Types>()
        .ok_or_else(|| vm.system_error("_sha2 is not initialised"))?;
    let i = ALGORITHMS.iter().position(|a| *a == algorithm).unwrap_or(0);
    Ok(types.0[i].clone())
}

/// The bytes to hash: bytes-like; a str must be encoded first.
fn data_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(Payload::Str(_)) = v.payload() {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    match adder_vm::objects::buffer::bytes_like(vm, v)? {
        Some(bytes) => Ok(bytes.into_owned()),
        None => Err(vm.type_error("object supporting the buffer API required")),
    }
}

fn construct(vm: &mut Vm, args: Args, algorithm: Algorithm) -> PyResult<Value> {
    let params = Params {
        func: algorithm.name(),
        names: &["data", "usedforsecurity", "string"],
        required: 0,
        positional: 1,
    };
    let slots = bind(vm, &args, &params)?;
    let mut hasher = Hasher::new(algorithm);
    match (&slots[0], &slots[2]) {
        (Some(_), Some(_)) => {
            return Err(vm.type_error(
                "'data' and 'string' are mutually exclusive and support for 'string' keyword parameter is slated for removal in a future version.",
            ))
        }
        (Some(data), None) | (None, Some(data)) => hasher.update(&data_arg(vm, data)?),
        (None, None) => {}
    }
    let cls = type_for(vm, algorithm)?;
    Ok(vm.new_native_instance(&cls, Sha2(RefCell::new(hasher))))
}

macro_rules! constructors {
    ($($name:ident => $alg:expr),*) => {$(
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            construct(vm, args, $alg)
        }
    )*};
}

constructors!(
    sha224 => Algorithm::Sha224,
    sha256 => Algorithm::Sha256,
    sha384 => Algorithm::Sha384,
    sha512 => Algorithm::Sha512
);

fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a Sha2> {
    vm.native_self::<Sha2>(args, method, "_sha2.SHA256Type")
}

fn update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(vm, &args, "update")?;
    let data = arity::one(vm, &after_self(&args), "update")?;
    let data = data_arg(vm, data)?;
    h.0.borrow_mut().update(&data);
    Ok(Value::None)
}

fn digest_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(vm, &args, "digest")?;
    let d = h.0.borrow().digest();
    Ok(new_bytes(vm, d))
}

fn hexdigest(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(vm, &args, "hexdigest")?;
    let text: String =
        h.0.borrow()
            .digest()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
    Ok(vm.new_str(&text))
}

fn copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(vm, &args, "copy")?;
    let hasher = h.0.borrow().clone();
    let cls = type_for(vm, hasher.algorithm)?;
    Ok(vm.new_native_instance(&cls, Sha2(RefCell::new(hasher))))
}

fn name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(vm, &args, "name")?;
    let n = h.0.borrow().algorithm.name();
    Ok(vm.new_str(n))
}

fn digest_size(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(vm, &args, "digest_size")?;
    Ok(Value::Int(h.0.borrow().algorithm.digest_size() as i64))
}

fn block_size(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = this(vm, &args, "block_size")?;
    Ok(Value::Int(h.0.borrow().algorithm.block_size() as i64))
}

const METHODS: &[(&str, NativeFn)] = &[
    ("update", update),
    ("digest", digest_method),
    ("hexdigest", hexdigest),
    ("copy", copy),
];

pub fn init(vm: &mut Vm, module: &ObjRef) -> PyResult<()> {
    let names = ["SHA224Type", "SHA256Type", "SHA384Type", "SHA512Type"];
    let types = names.map(|type_name| {
        let ty = new_native_type(
            vm,
            NativeTypeSpec {
                name: type_name,
                module: "_sha2",
                base: None,
                new: None,
                init: None,
                methods: METHODS,
                subclassable: false,
            },
        );
        crate::native_util::add_getters(
            vm,
            &ty,
            &[
                ("name", name),
                ("digest_size", digest_size),
                ("block_size", block_size),
            ],
        );
        ty
    });
    for ty in &types {
        add_type(vm, module, ty);
    }
    add_functions(
        vm,
        module,
        &[
            ("sha224", sha224),
            ("sha256", sha256),
            ("sha384", sha384),
            ("sha512", sha512),
        ],
    );
    vm.set_native_state(Sha2Types(types));
    Ok(())
}
