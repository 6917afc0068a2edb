//! The matching engine: an interpreter over the compiled code words, following
//! CPython's `SRE(match)` in `sre_lib.h` operation for operation, so that which match
//! is found (and which groups it sets) is the same.
//!
//! Backtracking never recurses on the Rust stack: where CPython's engine "calls"
//! itself (a child context for an alternative, a repeat's item, a look-around), this
//! one pushes a [`Ctx`] on an explicit stack and resumes the parent from its saved
//! [`Jump`] point when the child returns. The operations with such resume points live
//! in `control.rs` and `repeat.rs`.

use super::chars::{category, is_linebreak, is_loc_word, is_uni_word, is_word, Unit};
use super::charset::word;
use super::constants::*;
use super::program::Program;
use super::state::State;
use super::unit;

/// Engine failures that are not "no match" (CPython's negative status codes).
#[derive(Debug)]
pub enum SreError {
    /// Malformed code: an unknown opcode, or an `UNTIL` outside a `REPEAT`.
    Illegal,
    /// Ctrl-C arrived during a long match (KeyboardInterrupt, as CPython checks).
    Interrupted,
}

/// Where a parent context continues when its child returns (CPython's `JUMP_*`).
#[derive(Clone, Copy)]
pub(super) enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// One activation of the matching routine (CPython's `match_context`).
#[derive(Clone, Copy)]
pub(super) struct Ctx {
    pub count: isize,
    /// The repeat context this operation works on.
    pub rep: usize,
    /// The literal that must follow a `REPEAT_ONE` (its fast path).
    pub chr: u32,
    pub lastmark: isize,
    pub lastindex: isize,
    /// Code position and subject position saved while a child runs.
    pub pc: usize,
    pub ptr: usize,
    /// Whether `SUCCESS` here ends the whole match (`fullmatch` and empty-match checks
    /// apply only then).
    pub toplevel: bool,
    pub jump: Jump,
}

impl Ctx {
    fn new(jump: Jump, toplevel: bool) -> Ctx {
        Ctx {
            count: 0,
            rep: 0,
            chr: 0,
            lastmark: -1,
            lastindex: -1,
            pc: 0,
            ptr: 0,
            toplevel,
            jump,
        }
    }
}

/// What the engine does next.
pub(super) enum Flow {
    /// Start the current context at `pc` (skipping an `INFO` block).
    Enter,
    /// Execute the operation at `pc`.
    Next,
    /// The current context ends with this result.
    Return(bool),
}

pub(super) const FAIL: Flow = Flow::Return(false);
pub(super) const SUCCEED: Flow = Flow::Return(true);

/// A limit on nested single-character repeats whose item is not one character wide
/// (only malformed code has them); each nesting level uses the Rust stack.
const MAX_NESTED_COUNT: usize = 64;

/// How many engine steps pass between two checks for Ctrl-C (CPython's 4096).
const SIGNAL_CHECK_INTERVAL: u32 = 0x1000;

pub struct Matcher<'a, C: Unit> {
    pub st: &'a mut State,
    pub(super) text: &'a [C],
    pub(super) prog: &'a Program,
    pub(super) code: &'a [u32],
    /// The parents of the current context.
    stack: Vec<Ctx>,
    pub(super) cur: Ctx,
    pub(super) pc: usize,
    pub(super) ptr: usize,
    nesting: usize,
    steps: u32,
}

impl<'a, C: Unit> Matcher<'a, C> {
    /// A matcher over `text` (at least `st.end` units long) running `prog`.
    pub fn new(st: &'a mut State, text: &'a [C], prog: &'a Program) -> Self {
        Matcher {
            st,
            text,
            prog,
            code: &prog.code,
            stack: Vec::new(),
            cur: Ctx::new(Jump::None, true),
            pc: 0,
            ptr: 0,
            nesting: 0,
            steps: 0,
        }
    }

    /// Match the code at `pc` at `st.ptr`; on success `st.ptr` is the end of the match.
    pub fn run(&mut self, pc: usize, toplevel: bool) -> Result<bool, SreError> {
        self.stack.clear();
        self.cur = Ctx::new(Jump::None, toplevel);
        self.pc = pc;
        let mut flow = Flow::Enter;
        loop {
            self.steps = self.steps.wrapping_add(1);
            if self.steps.is_multiple_of(SIGNAL_CHECK_INTERVAL)
                && adder_vm::signals::interrupt_pending()
            {
                return Err(SreError::Interrupted);
            }
            flow = match flow {
                Flow::Enter => self.enter(),
                Flow::Next => self.dispatch()?,
                Flow::Return(ret) => {
                    let jump = self.cur.jump;
                    let Some(parent) = self.stack.pop() else {
                        return Ok(ret);
                    };
                    self.cur = parent;
                    self.pc = parent.pc;
                    self.ptr = parent.ptr;
                    self.resume(jump, ret)?
                }
            }
        }
    }

    /// The code word `i` places after the current position.
    #[inline(always)]
    pub(super) fn arg(&self, i: usize) -> u32 {
        word(self.code, self.pc + i)
    }

    /// The character at `i` (callers check `i < end`).
    #[inline(always)]
    pub(super) fn ch(&self, i: usize) -> u32 {
        self.text.get(i).map_or(u32::MAX, |c| c.code())
    }

    /// Run a child context at `pc` (CPython's `DO_JUMP`); this one continues at `jump`.
    pub(super) fn descend(&mut self, jump: Jump, pc: usize, toplevel: bool) -> Flow {
        self.cur.pc = self.pc;
        self.cur.ptr = self.ptr;
        let child = Ctx::new(jump, toplevel);
        self.stack.push(std::mem::replace(&mut self.cur, child));
        self.pc = pc;
        Flow::Enter
    }

    pub(super) fn save_lastmark(&mut self) {
        self.cur.lastmark = self.st.lastmark;
        self.cur.lastindex = self.st.lastindex;
    }

    pub(super) fn restore_lastmark(&mut self) {
        self.st.lastmark = self.cur.lastmark;
        self.st.lastindex = self.cur.lastindex;
    }

    fn enter(&mut self) -> Flow {
        self.ptr = self.st.ptr;
        if word(self.code, self.pc) == INFO {
            let min = self.arg(3) as usize;
            if min != 0 && self.st.end.saturating_sub(self.ptr) < min {
                return FAIL;
            }
            self.pc += self.arg(1) as usize + 1;
        }
        Flow::Next
    }

    /// Execute operations until one needs a child context or the context ends.
    fn dispatch(&mut self) -> Result<Flow, SreError> {
        let end = self.st.end;
        loop {
            let op = word(self.code, self.pc);
            // The commonest one-character operations first, inline.
            match op {
                LITERAL => {
                    if self.ptr >= end || self.ch(self.ptr) != self.arg(1) {
                        return Ok(FAIL);
                    }
                    self.pc += 2;
                    self.ptr += 1;
                    continue;
                }
                IN => {
                    if self.ptr >= end || !self.prog.in_set(self.pc + 2, self.ch(self.ptr)) {
                        return Ok(FAIL);
                    }
                    self.pc += 1 + self.arg(1) as usize;
                    self.ptr += 1;
                    continue;
                }
                _ if unit::is_unit(op) => {
                    if self.ptr >= end || !unit::matches(self.prog, self.pc, self.ch(self.ptr)) {
                        return Ok(FAIL);
                    }
                    self.pc = unit::next(self.code, self.pc);
                    self.ptr += 1;
                    continue;
                }
                _ => {}
            }
            self.pc += 1;
            match op {
                MARK => {
                    self.st.set_mark(self.arg(0) as usize, self.ptr);
                    self.pc += 1;
                }
                SUCCESS => return Ok(self.success()),
                FAILURE => return Ok(FAIL),
                AT => {
                    if !self.at(self.ptr, self.arg(0)) {
                        return Ok(FAIL);
                    }
                    self.pc += 1;
                }
                JUMP | INFO => self.pc += self.arg(0) as usize,
                BRANCH => return Ok(self.branch()),
                REPEAT_ONE => return self.repeat_one(),
                MIN_REPEAT_ONE => return self.min_repeat_one(),
                POSSESSIVE_REPEAT_ONE => {
                    if let Some(flow) = self.possessive_repeat_one()? {
                        return Ok(flow);
                    }
                }
                REPEAT => return Ok(self.repeat()),
                MAX_UNTIL => return self.max_until(),
                MIN_UNTIL => return self.min_until(),
                POSSESSIVE_REPEAT => return Ok(self.possessive_repeat()),
                ATOMIC_GROUP => return Ok(self.atomic_group()),
                GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                    if !self.groupref(op) {
                        return Ok(FAIL);
                    }
                    self.pc += 1;
                }
                GROUPREF_EXISTS => self.groupref_exists(),
                ASSERT => return Ok(self.assert()),
                ASSERT_NOT => {
                    if let Some(flow) = self.assert_not() {
                        return Ok(flow);
                    }
                }
                _ => return Err(SreError::Illegal),
            }
        }
    }

    /// `SUCCESS`: the end of a (sub)pattern.
    fn success(&mut self) -> Flow {
        let st = &*self.st;
        if self.cur.toplevel
            && ((st.match_all && self.ptr != st.end) || (st.must_advance && self.ptr == st.start))
        {
            return FAIL;
        }
        self.st.ptr = self.ptr;
        SUCCEED
    }

    /// Continue the current context after its child returned `ret`.
    fn resume(&mut self, jump: Jump, ret: bool) -> Result<Flow, SreError> {
        Ok(match jump {
            Jump::None => Flow::Return(ret),
            Jump::Branch => self.branch_resume(ret),
            Jump::RepeatOne1 => self.repeat_one_resume(ret, true),
            Jump::RepeatOne2 => self.repeat_one_resume(ret, false),
            Jump::MinRepeatOne => self.min_repeat_one_resume(ret)?,
            Jump::Repeat => self.repeat_resume(ret),
            Jump::MaxUntil1 | Jump::MinUntil1 => self.until_resume_min(ret),
            Jump::MaxUntil2 => self.max_until_resume_more(ret),
            Jump::MaxUntil3 => self.max_until_resume_tail(ret),
            Jump::MinUntil2 => self.min_until_resume_tail(ret),
            Jump::MinUntil3 => self.min_until_resume_more(ret),
            Jump::PossRepeat1 => self.possessive_resume_min(ret),
            Jump::PossRepeat2 => self.possessive_resume_more(ret),
            Jump::AtomicGroup => self.atomic_group_resume(ret),
            Jump::Assert => self.assert_resume(ret),
            Jump::AssertNot => self.assert_not_resume(ret),
        })
    }

    /// Whether position `ptr` satisfies the `AT` code `at` (anchors and boundaries).
    fn at(&self, ptr: usize, at: u32) -> bool {
        let end = self.st.end;
        match at {
            AT_BEGINNING | AT_BEGINNING_STRING => ptr == 0,
            AT_BEGINNING_LINE => ptr == 0 || is_linebreak(self.ch(ptr - 1)),
            AT_END => ptr == end || (ptr + 1 == end && is_linebreak(self.ch(ptr))),
            AT_END_LINE => ptr == end || is_linebreak(self.ch(ptr)),
            AT_END_STRING => ptr == end,
            AT_BOUNDARY => self.word_sides(ptr, is_word).is_some_and(|(a, b)| a != b),
            AT_NON_BOUNDARY => self.word_sides(ptr, is_word).is_some_and(|(a, b)| a == b),
            AT_LOC_BOUNDARY => self
                .word_sides(ptr, is_loc_word)
                .is_some_and(|(a, b)| a != b),
            AT_LOC_NON_BOUNDARY => self
                .word_sides(ptr, is_loc_word)
                .is_some_and(|(a, b)| a == b),
            AT_UNI_BOUNDARY => self
                .word_sides(ptr, is_uni_word)
                .is_some_and(|(a, b)| a != b),
            AT_UNI_NON_BOUNDARY => self
                .word_sides(ptr, is_uni_word)
                .is_some_and(|(a, b)| a == b),
            _ => false,
        }
    }

    /// Whether the characters before and at `ptr` are word characters; `None` for an
    /// empty subject, where neither `\b` nor `\B` matches.
    fn word_sides(&self, ptr: usize, is_word: fn(u32) -> bool) -> Option<(bool, bool)> {
        let end = self.st.end;
        if end == 0 {
            return None;
        }
        let before = ptr > 0 && is_word(self.ch(ptr - 1));
        let here = ptr < end && is_word(self.ch(ptr));
        Some((before, here))
    }

    /// How many times (up to `maxcount`) the one-character item at `item` matches
    /// from `st.ptr` (CPython's `SRE(count)`).
    pub(super) fn count(&mut self, item: usize, maxcount: u32) -> Result<usize, SreError> {
        let start = self.st.ptr;
        let mut end = self.st.end;
        if maxcount != MAXREPEAT && (maxcount as usize) < end.saturating_sub(start) {
            end = start + maxcount as usize;
        }
        let (prog, code) = (self.prog, self.code);
        let text = self.text.get(start..end).unwrap_or(&[]);
        let op = word(code, item);
        let arg = word(code, item + 1);
        let n = match op {
            ANY_ALL => text.len(),
            ANY => text.iter().take_while(|c| !is_linebreak(c.code())).count(),
            LITERAL => text.iter().take_while(|c| c.code() == arg).count(),
            NOT_LITERAL => text.iter().take_while(|c| c.code() != arg).count(),
            IN => text
                .iter()
                .take_while(|c| prog.in_set(item + 2, c.code()))
                .count(),
            CATEGORY => text.iter().take_while(|c| category(arg, c.code())).count(),
            _ if unit::is_unit(op) => text
                .iter()
                .take_while(|c| unit::matches(prog, item, c.code()))
                .count(),
            _ => return self.count_general(item, end),
        };
        Ok(n)
    }

    /// `count` for an item that is not a single-character operation: match it
    /// repeatedly with a nested engine (only malformed code gets here).
    fn count_general(&mut self, item: usize, end: usize) -> Result<usize, SreError> {
        if self.nesting >= MAX_NESTED_COUNT {
            return Err(SreError::Illegal);
        }
        let start = self.st.ptr;
        let mut nested = Matcher::new(&mut *self.st, self.text, self.prog);
        nested.nesting = self.nesting + 1;
        while nested.st.ptr < end {
            let before = nested.st.ptr;
            if !nested.run(item, false)? || nested.st.ptr <= before {
                nested.st.ptr = before;
                break;
            }
        }
        Ok(self.st.ptr - start)
    }
}
