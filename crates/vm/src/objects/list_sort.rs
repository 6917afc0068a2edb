//! The sort behind `list.sort` and `sorted`: CPython's adaptive merge sort
//! (`Objects/listobject.c`, described in `Objects/listsort.txt`). Natural runs are
//! found (descending ones reversed), short ones extended by binary insertion, runs
//! merged under the powersort policy, and merges gallop with an adaptive threshold.
//! Following CPython step by step gives the same result and the same sequence of
//! `<` calls even when the order is inconsistent (NaN keys, a lying `__lt__`).

use crate::error::PyResult;
use crate::value::Value;

/// `a < b` on keys; an error stops the sort.
pub type Lt<'a> = dyn FnMut(&Value, &Value) -> PyResult<bool> + 'a;

/// A sort key and the item it belongs to.
pub type Keyed = (Value, Value);

const MIN_GALLOP: usize = 7;
const MAX_MINRUN: usize = 64;

/// A sorted run waiting to be merged, with its powersort "power".
struct Run {
    start: usize,
    len: usize,
    power: u32,
}

struct MergeState<'v, 'f, 'g> {
    v: &'v mut [Keyed],
    lt: &'f mut Lt<'g>,
    min_gallop: usize,
    pending: Vec<Run>,
}

/// Sorts `v` by key, stably.
pub fn sort(v: &mut [Keyed], lt: &mut Lt) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms = MergeState {
        v,
        lt,
        min_gallop: MIN_GALLOP,
        pending: Vec::new(),
    };
    let minrun = compute_minrun(n);
    let mut lo = 0;
    while lo < n {
        let remaining = n - lo;
        let mut run = ms.count_run(lo, remaining)?;
        if run < minrun {
            let force = remaining.min(minrun);
            ms.binary_insertion(lo, force, run)?;
            run = force;
        }
        ms.found_new_run(run, n)?;
        ms.pending.push(Run {
            start: lo,
            len: run,
            power: 0,
        });
        lo += run;
    }
    ms.force_collapse()
}

/// The shortest run worth merging: `n` itself when small, else a length in
/// `32..=64` such that `n / minrun` is just below a power of two.
fn compute_minrun(mut n: usize) -> usize {
    let mut shifted_off = 0;
    while n >= MAX_MINRUN {
        shifted_off |= n & 1;
        n >>= 1;
    }
    n + shifted_off
}

/// The powersort depth of the boundary between runs `[s1, s1+n1)` and
/// `[s1+n1, s1+n1+n2)` in a list of `n`: the first bit where their midpoints, as
/// fractions of `n`, differ.
fn power(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    let mut result = 0;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            return result;
        }
        a <<= 1;
        b <<= 1;
    }
}

impl MergeState<'_, '_, '_> {
    fn lt_at(&mut self, key: &Value, i: usize) -> PyResult<bool> {
        (self.lt)(key, &self.v[i].0)
    }

    fn at_lt(&mut self, i: usize, key: &Value) -> PyResult<bool> {
        (self.lt)(&self.v[i].0, key)
    }

    /// The length of the run starting at `lo`, made ascending in place. A
    /// descending run (equal neighbours allowed) is reversed, its equal stretches
    /// pre-reversed so that stability holds, and may then go on ascending.
    fn count_run(&mut self, lo: usize, remaining: usize) -> PyResult<usize> {
        let mut n = 1;
        while n < remaining {
            let next = self.v[lo + n].0.clone();
            if self.lt_at(&next, lo + n - 1)? {
                break;
            }
            n += 1;
        }
        if n == remaining {
            return Ok(n);
        }
        if n > 1 {
            let first = self.v[lo].0.clone();
            if self.lt_at(&first, lo + n - 1).map(|lt| !lt)? {
                self.v[lo..lo + n].reverse();
            } else {
                return Ok(n);
            }
        }
        n += 1;
        let mut equal = 0;
        while n < remaining {
            let next = self.v[lo + n].0.clone();
            if self.lt_at(&next, lo + n - 1)? {
                self.reverse_equal(lo, n, &mut equal);
            } else if self.at_lt(lo + n - 1, &next)? {
                break;
            } else {
                equal += 1;
            }
            n += 1;
        }
        self.reverse_equal(lo, n, &mut equal);
        self.v[lo..lo + n].reverse();
        while n < remaining {
            let next = self.v[lo + n].0.clone();
            if self.lt_at(&next, lo + n - 1)? {
                break;
            }
            n += 1;
        }
        Ok(n)
    }

    /// Reverses the last `equal + 1` elements of the run `v[lo..lo+n]` (a stretch
    /// of equal keys inside a descending run) and resets the count.
    fn reverse_equal(&mut self, lo: usize, n: usize, equal: &mut usize) {
        if *equal > 0 {
            let len = *equal + 1;
            self.v[lo + n - len..lo + n].reverse();
            *equal = 0;
        }
    }

    /// Sorts `v[lo..lo+n]` whose first `sorted` elements are in order.
    fn binary_insertion(&mut self, lo: usize, n: usize, sorted: usize) -> PyResult<()> {
        for ok in sorted.max(1)..n {
            let pivot = self.v[lo + ok].0.clone();
            let (mut left, mut right) = (0, ok);
            while left < right {
                let middle = (left + right) >> 1;
                if self.lt_at(&pivot, lo + middle)? {
                    right = middle;
                } else {
                    left = middle + 1;
                }
            }
            self.v[lo + left..=lo + ok].rotate_right(1);
        }
        Ok(())
    }

    fn found_new_run(&mut self, n2: usize, list_len: usize) -> PyResult<()> {
        let Some(last) = self.pending.last() else {
            return Ok(());
        };
        let power = power(last.start, last.len, n2, list_len);
        while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
            self.merge_at(self.pending.len() - 2)?;
        }
        if let Some(last) = self.pending.last_mut() {
            last.power = power;
        }
        Ok(())
    }

    fn force_collapse(&mut self) -> PyResult<()> {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(n)?;
        }
        Ok(())
    }

    /// Merges pending runs `i` and `i + 1`.
    fn merge_at(&mut self, i: usize) -> PyResult<()> {
        let (a, na) = (self.pending[i].start, self.pending[i].len);
        let (b, nb) = (self.pending[i + 1].start, self.pending[i + 1].len);
        self.pending[i].len = na + nb;
        self.pending.remove(i + 1);
        // Elements of A before B's first and of B after A's last are in place.
        let first_b = self.v[b].0.clone();
        let k = self.gallop_right(&first_b, Slice::Main(a), na, 0)?;
        let (a, na) = (a + k, na - k);
        if na == 0 {
            return Ok(());
        }
        let last_a = self.v[a + na - 1].0.clone();
        let nb = self.gallop_left(&last_a, Slice::Main(b), nb, nb - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(a, na, b, nb)
        } else {
            self.merge_hi(a, na, b, nb)
        }
    }
}

/// Where a gallop searches: the list itself from an index, or a merge's copy.
#[derive(Clone, Copy)]
enum Slice<'t> {
    Main(usize),
    Temp(&'t [Keyed], usize),
}

impl MergeState<'_, '_, '_> {
    /// `key < slice[i]`.
    fn key_lt(&mut self, key: &Value, s: Slice, i: usize) -> PyResult<bool> {
        let other = match s {
            Slice::Main(base) => &self.v[base + i].0,
            Slice::Temp(t, base) => &t[base + i].0,
        };
        (self.lt)(key, other)
    }

    /// `slice[i] < key`.
    fn lt_key(&mut self, s: Slice, i: usize, key: &Value) -> PyResult<bool> {
        let other = match s {
            Slice::Main(base) => &self.v[base + i].0,
            Slice::Temp(t, base) => &t[base + i].0,
        };
        (self.lt)(other, key)
    }

    /// The position `k` in the sorted `slice[..n]` with `slice[k-1] < key <=
    /// slice[k]`, searched outwards from `hint` by doubling steps.
    fn gallop_left(&mut self, key: &Value, s: Slice, n: usize, hint: usize) -> PyResult<usize> {
        let (mut last, mut ofs) = (0, 1);
        let (mut low, mut high) = if self.lt_key(s, hint, key)? {
            let max = n - hint;
            while ofs < max && self.lt_key(s, hint + ofs, key)? {
                last = ofs;
                ofs = (ofs << 1) + 1;
            }
            (hint + last + 1, hint + ofs.min(max))
        } else {
            let max = hint + 1;
            while ofs < max && !self.lt_key(s, hint - ofs, key)? {
                last = ofs;
                ofs = (ofs << 1) + 1;
            }
            (hint + 1 - ofs.min(max), hint - last)
        };
        while low < high {
            let middle = low + ((high - low) >> 1);
            if self.lt_key(s, middle, key)? {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        Ok(high)
    }

    /// Like `gallop_left`, but after any keys equal to `key`:
    /// `slice[k-1] <= key < slice[k]`.
    fn gallop_right(&mut self, key: &Value, s: Slice, n: usize, hint: usize) -> PyResult<usize> {
        let (mut last, mut ofs) = (0, 1);
        let (mut low, mut high) = if self.key_lt(key, s, hint)? {
            let max = hint + 1;
            while ofs < max && self.key_lt(key, s, hint - ofs)? {
                last = ofs;
                ofs = (ofs << 1) + 1;
            }
            (hint + 1 - ofs.min(max), hint - last)
        } else {
            let max = n - hint;
            while ofs < max && !self.key_lt(key, s, hint + ofs)? {
                last = ofs;
                ofs = (ofs << 1) + 1;
            }
            (hint + last + 1, hint + ofs.min(max))
        };
        while low < high {
            let middle = low + ((high - low) >> 1);
            if self.key_lt(key, s, middle)? {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        Ok(high)
    }
}

/// The positions of a merge in progress, kept outside the loop so that an error
/// can still put every element back.
struct Cursor {
    dest: isize,
    pa: isize,
    na: usize,
    pb: isize,
    nb: usize,
}

/// How a merge loop ended.
enum End {
    Done,
    /// One element of the copied run is left; it goes at the far end.
    LastCopied,
}

impl MergeState<'_, '_, '_> {
    /// Merging from the left: moves B's next element (in the main array) to `dest`.
    fn lo_take_b(&mut self, c: &mut Cursor) {
        self.v[c.dest as usize] = self.v[c.pb as usize].clone();
        c.dest += 1;
        c.pb += 1;
        c.nb -= 1;
    }

    /// Merging from the left: moves A's next element (copied aside in `temp`) to `dest`.
    fn lo_take_a(&mut self, temp: &[Keyed], c: &mut Cursor) {
        self.v[c.dest as usize] = temp[c.pa as usize].clone();
        c.dest += 1;
        c.pa += 1;
        c.na -= 1;
    }

    /// Merging from the right: moves A's last element (in the main array) to `dest`.
    fn hi_take_a(&mut self, c: &mut Cursor) {
        self.v[c.dest as usize] = self.v[c.pa as usize].clone();
        c.dest -= 1;
        c.pa -= 1;
        c.na -= 1;
    }

    /// Merging from the right: moves B's last element (copied aside in `temp`) to `dest`.
    fn hi_take_b(&mut self, temp: &[Keyed], c: &mut Cursor) {
        self.v[c.dest as usize] = temp[c.pb as usize].clone();
        c.dest -= 1;
        c.pb -= 1;
        c.nb -= 1;
    }

    /// Merges `v[a..a+na]` and the following `v[b..b+nb]` (`na <= nb`) from the
    /// left, with A copied aside.
    fn merge_lo(&mut self, a: usize, na: usize, b: usize, nb: usize) -> PyResult<()> {
        let temp: Vec<Keyed> = self.v[a..a + na].to_vec();
        let mut c = Cursor {
            dest: a as isize,
            pa: 0,
            na,
            pb: b as isize,
            nb,
        };
        let result = self.merge_lo_loop(&temp, &mut c);
        let (dest, pa, pb) = (c.dest as usize, c.pa as usize, c.pb as usize);
        match result {
            Ok(End::LastCopied) => {
                self.v[dest..pb + c.nb].rotate_left(pb - dest);
                self.v[dest + c.nb] = temp[pa].clone();
            }
            _ => self.v[dest..dest + c.na].clone_from_slice(&temp[pa..pa + c.na]),
        }
        result.map(|_| ())
    }

    fn merge_lo_loop(&mut self, temp: &[Keyed], c: &mut Cursor) -> PyResult<End> {
        self.lo_take_b(c);
        if c.nb == 0 {
            return Ok(End::Done);
        }
        if c.na == 1 {
            return Ok(End::LastCopied);
        }
        let mut min_gallop = self.min_gallop;
        loop {
            let (mut acount, mut bcount) = (0, 0);
            loop {
                let kb = self.v[c.pb as usize].0.clone();
                if (self.lt)(&kb, &temp[c.pa as usize].0)? {
                    self.lo_take_b(c);
                    (acount, bcount) = (0, bcount + 1);
                    if c.nb == 0 {
                        return Ok(End::Done);
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                } else {
                    self.lo_take_a(temp, c);
                    (acount, bcount) = (acount + 1, 0);
                    if c.na == 1 {
                        return Ok(End::LastCopied);
                    }
                    if acount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= usize::from(min_gallop > 1);
                self.min_gallop = min_gallop;
                let kb = self.v[c.pb as usize].0.clone();
                let k = self.gallop_right(&kb, Slice::Temp(temp, c.pa as usize), c.na, 0)?;
                acount = k;
                if k > 0 {
                    let (d, p) = (c.dest as usize, c.pa as usize);
                    self.v[d..d + k].clone_from_slice(&temp[p..p + k]);
                    c.dest += k as isize;
                    c.pa += k as isize;
                    c.na -= k;
                    if c.na == 1 {
                        return Ok(End::LastCopied);
                    }
                    if c.na == 0 {
                        return Ok(End::Done);
                    }
                }
                self.lo_take_b(c);
                if c.nb == 0 {
                    return Ok(End::Done);
                }
                let ka = temp[c.pa as usize].0.clone();
                let k = self.gallop_left(&ka, Slice::Main(c.pb as usize), c.nb, 0)?;
                bcount = k;
                if k > 0 {
                    let (d, p) = (c.dest as usize, c.pb as usize);
                    self.v[d..p + k].rotate_left(p - d);
                    c.dest += k as isize;
                    c.pb += k as isize;
                    c.nb -= k;
                    if c.nb == 0 {
                        return Ok(End::Done);
                    }
                }
                self.lo_take_a(temp, c);
                if c.na == 1 {
                    return Ok(End::LastCopied);
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
    }

    /// Merges `v[a..a+na]` and the following `v[b..b+nb]` (`na > nb`) from the
    /// right, with B copied aside.
    fn merge_hi(&mut self, a: usize, na: usize, b: usize, nb: usize) -> PyResult<()> {
        let temp: Vec<Keyed> = self.v[b..b + nb].to_vec();
        let mut c = Cursor {
            dest: (b + nb - 1) as isize,
            pa: (a + na - 1) as isize,
            na,
            pb: nb as isize - 1,
            nb,
        };
        let result = self.merge_hi_loop(a, &temp, &mut c);
        match result {
            Ok(End::LastCopied) => {
                // All of A's rest moves up one block; B's first element goes first.
                let (d, p, n) = (c.dest as usize, c.pa as usize, c.na);
                self.v[p + 1 - n..=d].rotate_right(d - p);
                self.v[d - n] = temp[c.pb as usize].clone();
            }
            _ if c.nb > 0 => {
                let start = (c.dest + 1) as usize - c.nb;
                self.v[start..start + c.nb].clone_from_slice(&temp[..c.nb]);
            }
            _ => {}
        }
        result.map(|_| ())
    }

    fn merge_hi_loop(&mut self, a: usize, temp: &[Keyed], c: &mut Cursor) -> PyResult<End> {
        self.hi_take_a(c);
        if c.na == 0 {
            return Ok(End::Done);
        }
        if c.nb == 1 {
            return Ok(End::LastCopied);
        }
        let mut min_gallop = self.min_gallop;
        loop {
            let (mut acount, mut bcount) = (0, 0);
            loop {
                let ka = self.v[c.pa as usize].0.clone();
                if (self.lt)(&temp[c.pb as usize].0, &ka)? {
                    self.hi_take_a(c);
                    (acount, bcount) = (acount + 1, 0);
                    if c.na == 0 {
                        return Ok(End::Done);
                    }
                    if acount >= min_gallop {
                        break;
                    }
                } else {
                    self.hi_take_b(temp, c);
                    (acount, bcount) = (0, bcount + 1);
                    if c.nb == 1 {
                        return Ok(End::LastCopied);
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= usize::from(min_gallop > 1);
                self.min_gallop = min_gallop;
                let kb = temp[c.pb as usize].0.clone();
                let k = c.na - self.gallop_right(&kb, Slice::Main(a), c.na, c.na - 1)?;
                acount = k;
                if k > 0 {
                    c.dest -= k as isize;
                    c.pa -= k as isize;
                    // `pa` may now be -1: the whole rest of A moves.
                    let (d, p) = (c.dest, c.pa);
                    self.v[(p + 1) as usize..=(d as usize) + k].rotate_right((d - p) as usize);
                    c.na -= k;
                    if c.na == 0 {
                        return Ok(End::Done);
                    }
                }
                self.hi_take_b(temp, c);
                if c.nb == 1 {
                    return Ok(End::LastCopied);
                }
                let ka = self.v[c.pa as usize].0.clone();
                let k = c.nb - self.gallop_left(&ka, Slice::Temp(temp, 0), c.nb, c.nb - 1)?;
                bcount = k;
                if k > 0 {
                    c.dest -= k as isize;
                    c.pb -= k as isize;
                    // `pb` may now be -1: the whole rest of B moves.
                    let (d, p) = ((c.dest + 1) as usize, (c.pb + 1) as usize);
                    self.v[d..d + k].clone_from_slice(&temp[p..p + k]);
                    c.nb -= k;
                    if c.nb == 1 {
                        return Ok(End::LastCopied);
                    }
                    if c.nb == 0 {
                        return Ok(End::Done);
                    }
                }
                self.hi_take_a(c);
                if c.na == 0 {
                    return Ok(End::Done);
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
    }
}
