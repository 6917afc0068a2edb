//! The `range` type with machine-size bounds and length (big ones: `range_big.rs`).

use crate::object::RangeData;

pub fn range_len(r: &RangeData) -> usize {
    let (lo, hi, step) = (r.start as i128, r.stop as i128, r.step as i128);
    let n = if step > 0 && lo < hi {
        (hi - lo - 1) / step + 1
    } else if step < 0 && lo > hi {
        (lo - hi - 1) / (-step) + 1
    } else {
        0
    };
    n as usize
}

pub fn range_contains(r: &RangeData, v: i64) -> bool {
    let in_bounds = if r.step > 0 {
        r.start <= v && v < r.stop
    } else {
        r.stop < v && v <= r.start
    };
    in_bounds && (v as i128 - r.start as i128) % r.step as i128 == 0
}

/// Ranges are equal when they produce the same sequence.
pub fn range_equal(a: &RangeData, b: &RangeData) -> bool {
    let (la, lb) = (range_len(a), range_len(b));
    la == lb && (la == 0 || (a.start == b.start && (la == 1 || a.step == b.step)))
}

/// Whether a range's length exceeds i64 (then it is made a big range).
pub fn range_len_overflows(start: i64, stop: i64, step: i64) -> bool {
    let (lo, hi, step) = (start as i128, stop as i128, step as i128);
    let n = if step > 0 && lo < hi {
        (hi - lo - 1) / step + 1
    } else if step < 0 && lo > hi {
        (lo - hi - 1) / (-step) + 1
    } else {
        0
    };
    n > i64::MAX as i128
}
