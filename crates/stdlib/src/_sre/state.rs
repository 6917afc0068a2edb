//! The state of one match attempt (CPython's `SRE_STATE`): the bounds being searched,
//! the group marks found so far, the active repeat contexts, and the data stack on
//! which backtracking saves marks. Positions are indices into the subject's units.

/// "No position" for a mark or a repeat's last position (C's NULL pointer).
pub const NONE: isize = -1;

/// One `REPEAT ... MAX_UNTIL/MIN_UNTIL` loop in progress (CPython's `SRE_REPEAT`).
#[derive(Clone, Copy)]
pub struct Repeat {
    /// Iterations completed so far (-1 before the first).
    pub count: isize,
    /// Index of the `REPEAT` operands (`skip`, `min`, `max`, item...).
    pub at: usize,
    /// The enclosing repeat.
    pub prev: Option<usize>,
    /// Where the last iteration started, to stop empty iterations looping forever.
    pub last_ptr: isize,
}

pub struct State {
    /// Where this attempt starts (`state->start`): the match's start when it succeeds.
    pub start: usize,
    pub end: usize,
    /// The current position handed between operations (`state->ptr`): the match's
    /// end when it succeeds.
    pub ptr: usize,
    /// The `pos` and `endpos` the match object reports.
    pub pos: usize,
    pub endpos: usize,
    /// Group boundaries: `marks[2g]` start and `marks[2g+1]` end of group g+1.
    pub marks: Vec<isize>,
    /// The highest valid index of `marks` (-1: none).
    pub lastmark: isize,
    /// The last group closed (`Match.lastindex`), -1 when none.
    pub lastindex: isize,
    /// The innermost active repeat (an index into `repeats`).
    pub repeat: Option<usize>,
    pub repeats: Vec<Repeat>,
    free_repeats: Vec<usize>,
    /// Saved marks and repeat positions, pushed and popped by backtracking points.
    pub data: Vec<isize>,
    /// `fullmatch`: success only at `end`.
    pub match_all: bool,
    /// After an empty match, the next one must not be empty at the same place.
    pub must_advance: bool,
}

impl State {
    /// A state over `[start, end)` of a subject `len` units long, both bounds clamped
    /// as CPython does (`pos`/`endpos` beyond the string are allowed).
    pub fn new(len: usize, start: i64, end: i64, groups: usize) -> State {
        let clamp = |v: i64| v.clamp(0, len as i64) as usize;
        let (start, end) = (clamp(start), clamp(end));
        State {
            start,
            end,
            ptr: start,
            pos: start,
            endpos: end,
            marks: vec![NONE; groups * 2],
            lastmark: -1,
            lastindex: -1,
            repeat: None,
            repeats: Vec::new(),
            free_repeats: Vec::new(),
            data: Vec::new(),
            match_all: false,
            must_advance: false,
        }
    }

    /// Forget the groups and repeats of the previous attempt (`state_reset`).
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = None;
        self.repeats.clear();
        self.free_repeats.clear();
        self.data.clear();
    }

    /// Mark `i` (`MARK i`), clearing the marks between the old highest and `i`.
    pub fn set_mark(&mut self, i: usize, ptr: usize) {
        if i & 1 == 1 {
            self.lastindex = (i / 2 + 1) as isize;
        }
        if i as isize > self.lastmark {
            let from = (self.lastmark + 1) as usize;
            if self.marks.len() <= i {
                self.marks.resize(i + 1, NONE);
            }
            for m in self.marks.iter_mut().take(i).skip(from) {
                *m = NONE;
            }
            self.lastmark = i as isize;
        }
        if let Some(m) = self.marks.get_mut(i) {
            *m = ptr as isize;
        }
    }

    /// Mark `i`, or `NONE` when it was never set in this attempt.
    #[inline]
    pub fn mark(&self, i: usize) -> isize {
        if i as isize > self.lastmark {
            return NONE;
        }
        self.marks.get(i).copied().unwrap_or(NONE)
    }

    /// The span of group index `g` (0-based among capturing groups) if it matched.
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let (a, b) = (self.mark(2 * g), self.mark(2 * g + 1));
        (a >= 0 && b >= 0).then_some((a as usize, b as usize))
    }

    /// Save marks `0..=lastmark` on the data stack (`MARK_PUSH`).
    pub fn push_marks(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let marks = self.marks.get(..n).unwrap_or(&self.marks);
            self.data.extend_from_slice(marks);
            self.data.resize(self.data.len() + n - marks.len(), NONE);
        }
    }

    /// Restore the marks saved by [`push_marks`](Self::push_marks), keeping them on
    /// the stack when `keep` (`MARK_POP_KEEP`) or removing them (`MARK_POP`).
    pub fn pop_marks(&mut self, lastmark: isize, keep: bool) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let from = self.data.len().saturating_sub(n);
            if self.marks.len() < n {
                self.marks.resize(n, NONE);
            }
            if let (Some(dst), Some(src)) = (self.marks.get_mut(..n), self.data.get(from..)) {
                if src.len() == n {
                    dst.copy_from_slice(src);
                }
            }
            if !keep {
                self.data.truncate(from);
            }
        }
    }

    /// Drop the marks saved by [`push_marks`](Self::push_marks) (`MARK_POP_DISCARD`).
    pub fn discard_marks(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            self.data.truncate(self.data.len().saturating_sub(n));
        }
    }

    /// Start a repeat context inside the current one.
    pub fn new_repeat(&mut self, at: usize) -> usize {
        let rep = Repeat {
            count: -1,
            at,
            prev: self.repeat,
            last_ptr: NONE,
        };
        match self.free_repeats.pop() {
            Some(i) if i < self.repeats.len() => {
                self.repeats[i] = rep;
                i
            }
            _ => {
                self.repeats.push(rep);
                self.repeats.len() - 1
            }
        }
    }

    pub fn free_repeat(&mut self, i: usize) {
        self.free_repeats.push(i);
    }

    /// The repeat context `i` (always valid: indices come from `new_repeat`).
    #[inline]
    pub fn rep(&mut self, i: usize) -> &mut Repeat {
        if i >= self.repeats.len() {
            self.repeats.resize(
                i + 1,
                Repeat {
                    count: -1,
                    at: 0,
                    prev: None,
                    last_ptr: NONE,
                },
            );
        }
        &mut self.repeats[i]
    }
}
