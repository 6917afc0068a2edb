//! Compile-time slicing of str, bytes and tuple constants by a constant slice
//! (`'hello'[:4]`, which CPython 3.14 folds through `BINARY_OP []` with a slice
//! constant), with Python's rules for omitted, negative and out-of-range bounds.

use std::rc::Rc;

use adder_bytecode::Constant;
use adder_numeric::BigInt;

/// `container[start:stop:step]`, or `None` where Python would raise (a zero step, a
/// bound that is not an int or None) or the container is not a sliceable constant.
pub fn slice(container: &Constant, bounds: &[Constant; 3]) -> Option<Constant> {
    let [start, stop, step] = bounds;
    let step = match bound(step)? {
        None => 1,
        Some(0) => return None,
        Some(step) => step,
    };
    let (start, stop) = (bound(start)?, bound(stop)?);
    let pick = |len: usize| positions(len, start, stop, step);
    Some(match container {
        Constant::Str(s) => {
            let chars: Vec<char> = s.chars().collect();
            let picked: String = pick(chars.len()).map(|i| chars[i]).collect();
            Constant::Str(picked.into())
        }
        Constant::Bytes(b) => {
            let picked: Vec<u8> = pick(b.len()).map(|i| b[i]).collect();
            Constant::Bytes(picked.into())
        }
        Constant::Tuple(t) => {
            let picked: Vec<Constant> = pick(t.len()).map(|i| t[i].clone()).collect();
            Constant::Tuple(Rc::from(picked))
        }
        _ => return None,
    })
}

/// A slice bound: `Some(None)` for None, `Some(Some(i))` for an int (saturated to the
/// i64 range, as CPython clamps to `Py_ssize_t`), `None` for anything else.
fn bound(value: &Constant) -> Option<Option<i64>> {
    match value {
        Constant::None => Some(None),
        Constant::Bool(b) => Some(Some(i64::from(*b))),
        Constant::Int(i) => Some(Some(i64::try_from(i).unwrap_or(if *i < BigInt::ZERO {
            i64::MIN
        } else {
            i64::MAX
        }))),
        _ => None,
    }
}

/// The indexes a slice selects from a sequence of `len` items (CPython's
/// `PySlice_AdjustIndices` and the stepping loop after it); always within `0..len`.
fn positions(
    len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: i64,
) -> impl Iterator<Item = usize> {
    let len = i64::try_from(len).unwrap_or(i64::MAX);
    // Where an omitted or clamped bound lands, for this direction.
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let adjust = |bound: Option<i64>, default: i64| match bound {
        None => default,
        Some(b) if b < 0 => b.saturating_add(len).max(lower),
        Some(b) => b.min(upper),
    };
    let start = adjust(start, if step < 0 { upper } else { lower });
    let stop = adjust(stop, if step < 0 { lower } else { upper });
    let mut next = Some(start);
    std::iter::from_fn(move || {
        let i = next?;
        let inside = if step > 0 { i < stop } else { i > stop };
        if !inside {
            next = None;
            return None;
        }
        next = i.checked_add(step);
        usize::try_from(i).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picked(len: usize, start: Option<i64>, stop: Option<i64>, step: i64) -> Vec<usize> {
        positions(len, start, stop, step).collect()
    }

    /// The same indexes as `list(range(5))[start:stop:step]` in Python.
    #[test]
    fn bounds_as_python() {
        assert_eq!(picked(5, None, Some(4), 1), [0, 1, 2, 3]);
        assert_eq!(picked(5, None, None, -1), [4, 3, 2, 1, 0]);
        assert_eq!(picked(5, Some(-2), None, 1), [3, 4]);
        assert_eq!(picked(5, Some(-100), Some(100), 2), [0, 2, 4]);
        assert_eq!(picked(5, Some(100), Some(-100), -2), [4, 2, 0]);
        assert_eq!(picked(5, Some(3), Some(1), 1), [] as [usize; 0]);
        assert_eq!(picked(0, None, None, -1), [] as [usize; 0]);
        assert_eq!(picked(5, Some(i64::MIN), Some(i64::MAX), i64::MAX), [0]);
    }
}
