//! `product`, `permutations`, `combinations` and `combinations_with_replacement`:
//! index vectors stepped as CPython steps them, so results come in the same order.

use std::cell::RefCell;

use adder_vm::native_module::NativeObject;
use adder_vm::objects::function::Args;
use adder_vm::objects::str_stand_in::unexpected_keyword;
use adder_vm::protocol::attr::name_str;
use adder_vm::{PyResult, Value, Vm};

use super::{cls_arg, ctor_args, receiver, stop, IterType};
use crate::arity::{self, Signature};

pub(super) const TYPES: &[IterType] = &[
    IterType {
        name: "product",
        new: Some(product_new),
        next: product_next,
        methods: &[],
        subclassable: true,
    },
    IterType {
        name: "permutations",
        new: Some(permutations_new),
        next: permutations_next,
        methods: &[],
        subclassable: true,
    },
    IterType {
        name: "combinations",
        new: Some(combinations_new),
        next: combinations_next,
        methods: &[],
        subclassable: true,
    },
    IterType {
        name: "combinations_with_replacement",
        new: Some(cwr_new),
        next: cwr_next,
        methods: &[],
        subclassable: true,
    },
];

/// Progress of a combinatoric iterator.
enum Stage {
    /// Nothing returned yet.
    First,
    /// Indices of the last result.
    Running,
    Done,
}

struct Combinatoric {
    /// The distinct pools; `product`'s position `i` draws from `pools[i % len]`, so
    /// `repeat=` shares them instead of copying each pool `repeat` times.
    pools: Vec<Vec<Value>>,
    state: RefCell<(Stage, Vec<usize>, Vec<usize>)>,
    r: usize,
}

impl NativeObject for Combinatoric {
    fn visit_refs(&self, visit: &mut dyn FnMut(&Value)) {
        self.pools.iter().flatten().for_each(visit);
    }
}

fn new_combinatoric(
    vm: &Vm,
    args: &Args,
    pools: Vec<Vec<Value>>,
    r: usize,
    indices: Vec<usize>,
    cycles: Vec<usize>,
) -> PyResult<Value> {
    let cls = cls_arg(vm, args)?;
    Ok(vm.new_native_instance(
        &cls,
        Combinatoric {
            pools,
            state: RefCell::new((Stage::First, indices, cycles)),
            r,
        },
    ))
}

fn product_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut repeat = 1i64;
    for (k, v) in args.kwargs() {
        let key = name_str(k);
        if key != "repeat" {
            return Err(unexpected_keyword(vm, "product", k));
        }
        repeat = crate::number_args::to_ssize(vm, v)?;
    }
    if repeat < 0 {
        return Err(vm.value_error("repeat argument cannot be negative"));
    }
    let mut pools = Vec::new();
    for v in args.pos().get(1..).unwrap_or(&[]) {
        pools.push(vm.collect_iterable(v)?);
    }
    // CPython's check and message: the index array (one machine word per pool
    // position) must not exceed PY_SSIZE_T_MAX bytes.
    let limit = (isize::MAX as usize / std::mem::size_of::<usize>())
        .checked_div(repeat as usize)
        .unwrap_or(usize::MAX);
    if pools.len() > limit {
        return Err(vm.overflow_error("repeat argument too large"));
    }
    let n = pools.len() * repeat as usize;
    let indices = filled_indices(vm, n, |_| 0)?;
    new_combinatoric(vm, &args, pools, n, indices, Vec::new())
}

/// `n` indices made by `f`, or `MemoryError` when `n` words cannot be allocated
/// (CPython's `PyMem_New` failing for `combinations(x, 2**40)`), instead of the
/// process aborting.
fn filled_indices(vm: &Vm, n: usize, f: impl Fn(usize) -> usize) -> PyResult<Vec<usize>> {
    let mut out = Vec::new();
    if out.try_reserve_exact(n).is_err() {
        return Err(crate::native_util::memory_error(vm));
    }
    out.extend((0..n).map(f));
    Ok(out)
}

fn product_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = receiver::<Combinatoric>(vm, &args, "itertools.product")?;
    let mut state = p.state.borrow_mut();
    let (stage, indices, _) = &mut *state;
    match stage {
        Stage::Done => return Err(stop(vm)),
        Stage::First => {
            if p.r > 0 && p.pools.iter().any(|pool| pool.is_empty()) {
                *stage = Stage::Done;
                return Err(stop(vm));
            }
            *stage = Stage::Running;
        }
        Stage::Running => {
            // Odometer: bump the rightmost index that can move, reset those after it.
            let mut i = p.r;
            loop {
                if i == 0 {
                    *stage = Stage::Done;
                    return Err(stop(vm));
                }
                i -= 1;
                indices[i] += 1;
                if indices[i] < p.pools[i % p.pools.len()].len() {
                    break;
                }
                indices[i] = 0;
            }
        }
    }
    let items = indices
        .iter()
        .enumerate()
        .map(|(k, &i)| p.pools[k % p.pools.len()][i].clone())
        .collect();
    Ok(vm.new_tuple(items))
}

/// The pool and `r` of permutations/combinations; `r` checked non-negative.
fn pool_and_r(vm: &mut Vm, args: &Args, sig: &Signature) -> PyResult<(Vec<Value>, Option<usize>)> {
    let slots = arity::bind(vm, &ctor_args(args), sig)?;
    let [Some(iterable), r] = &slots[..] else {
        return Err(vm.system_error("combinatoric arguments"));
    };
    let pool = vm.collect_iterable(iterable)?;
    let r = match r {
        None | Some(Value::None) if sig.required == 1 => None,
        Some(r) => {
            let r = crate::number_args::to_ssize(vm, r)?;
            if r < 0 {
                return Err(vm.value_error("r must be non-negative"));
            }
            Some(r as usize)
        }
        None => None,
    };
    Ok((pool, r))
}

const PERMUTATIONS: Signature = Signature {
    name: "permutations",
    names: &["iterable", "r"],
    posonly: 0,
    required: 1,
    max_positional: 2,
};

fn permutations_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (pool, r) = pool_and_r(vm, &args, &PERMUTATIONS)?;
    let n = pool.len();
    let r = r.unwrap_or(n);
    // With r > n there are no permutations (the first `next` stops) and n - i would
    // underflow; the cycles are still allocated so a huge r raises MemoryError as in
    // CPython.
    let cycles = filled_indices(vm, r, |i| n.saturating_sub(i))?;
    let indices = filled_indices(vm, n, |i| i)?;
    new_combinatoric(vm, &args, vec![pool], r, indices, cycles)
}

fn permutations_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = receiver::<Combinatoric>(vm, &args, "itertools.permutations")?;
    let pool = &p.pools[0];
    let (n, r) = (pool.len(), p.r);
    let mut state = p.state.borrow_mut();
    let (stage, indices, cycles) = &mut *state;
    match stage {
        Stage::Done => return Err(stop(vm)),
        Stage::First => {
            if r > n {
                *stage = Stage::Done;
                return Err(stop(vm));
            }
            *stage = Stage::Running;
        }
        Stage::Running => {
            if n == 0 {
                *stage = Stage::Done;
                return Err(stop(vm));
            }
            let mut i = r;
            loop {
                if i == 0 {
                    *stage = Stage::Done;
                    return Err(stop(vm));
                }
                i -= 1;
                cycles[i] -= 1;
                if cycles[i] == 0 {
                    // Rotate indices[i:] left by one.
                    indices[i..].rotate_left(1);
                    cycles[i] = n - i;
                } else {
                    let j = cycles[i];
                    indices.swap(i, n - j);
                    break;
                }
            }
        }
    }
    let items = indices[..r].iter().map(|&i| pool[i].clone()).collect();
    Ok(vm.new_tuple(items))
}

const COMBINATIONS: Signature = Signature {
    name: "combinations",
    names: &["iterable", "r"],
    posonly: 0,
    required: 2,
    max_positional: 2,
};

fn combinations_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (pool, r) = pool_and_r(vm, &args, &COMBINATIONS)?;
    let r = r.unwrap_or(0);
    let indices = filled_indices(vm, r, |i| i)?;
    new_combinatoric(vm, &args, vec![pool], r, indices, Vec::new())
}

fn combinations_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = receiver::<Combinatoric>(vm, &args, "itertools.combinations")?;
    let pool = &c.pools[0];
    let (n, r) = (pool.len(), c.r);
    let mut state = c.state.borrow_mut();
    let (stage, indices, _) = &mut *state;
    match stage {
        Stage::Done => return Err(stop(vm)),
        Stage::First => {
            if r > n {
                *stage = Stage::Done;
                return Err(stop(vm));
            }
            *stage = Stage::Running;
        }
        Stage::Running => {
            // The rightmost index not at its maximum n - r + i.
            let Some(i) = (0..r).rev().find(|&i| indices[i] != i + n - r) else {
                *stage = Stage::Done;
                return Err(stop(vm));
            };
            indices[i] += 1;
            for j in i + 1..r {
                indices[j] = indices[j - 1] + 1;
            }
        }
    }
    let items = indices.iter().map(|&i| pool[i].clone()).collect();
    Ok(vm.new_tuple(items))
}

const CWR: Signature = Signature {
    name: "combinations_with_replacement",
    names: &["iterable", "r"],
    posonly: 0,
    required: 2,
    max_positional: 2,
};

fn cwr_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (pool, r) = pool_and_r(vm, &args, &CWR)?;
    let r = r.unwrap_or(0);
    let indices = filled_indices(vm, r, |_| 0)?;
    new_combinatoric(vm, &args, vec![pool], r, indices, Vec::new())
}

fn cwr_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = receiver::<Combinatoric>(vm, &args, "itertools.combinations_with_replacement")?;
    let pool = &c.pools[0];
    let (n, r) = (pool.len(), c.r);
    let mut state = c.state.borrow_mut();
    let (stage, indices, _) = &mut *state;
    match stage {
        Stage::Done => return Err(stop(vm)),
        Stage::First => {
            if n == 0 && r > 0 {
                *stage = Stage::Done;
                return Err(stop(vm));
            }
            *stage = Stage::Running;
        }
        Stage::Running => {
            let Some(i) = (0..r).rev().find(|&i| indices[i] != n - 1) else {
                *stage = Stage::Done;
                return Err(stop(vm));
            };
            let v = indices[i] + 1;
            indices[i..].iter_mut().for_each(|x| *x = v);
        }
    }
    let items = indices.iter().map(|&i| pool[i].clone()).collect();
    Ok(vm.new_tuple(items))
}
