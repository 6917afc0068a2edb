//! Engine operations for repetition: the single-character repeats (`REPEAT_ONE`,
//! `MIN_REPEAT_ONE`, `POSSESSIVE_REPEAT_ONE`), which count matches directly, and the
//! general `REPEAT ... MAX_UNTIL/MIN_UNTIL` and `POSSESSIVE_REPEAT` loops, which run
//! their item as a child context per iteration. Empty iterations are cut off by the
//! repeat's `last_ptr` as in CPython.

use super::chars::Unit;
use super::constants::*;
use super::engine::{Flow, Jump, Matcher, SreError, FAIL, SUCCEED};
use super::state::NONE;

/// The "no position" value for the possessive loop's previous start.
const NO_PTR: usize = usize::MAX;

impl<C: Unit> Matcher<'_, C> {
    /// `REPEAT_ONE <skip> <min> <max> item SUCCESS tail`: greedy; take as many as
    /// possible, then give back one at a time until the tail matches.
    pub(super) fn repeat_one(&mut self) -> Result<Flow, SreError> {
        let (min, max) = (self.arg(1) as usize, self.arg(2));
        if min > self.st.end.saturating_sub(self.ptr) {
            return Ok(FAIL);
        }
        self.st.ptr = self.ptr;
        let n = self.count(self.pc + 3, max)?;
        self.ptr += n;
        self.cur.count = n as isize;
        if n < min {
            return Ok(FAIL);
        }
        let tail = self.pc + self.arg(0) as usize;
        let st = &*self.st;
        if self.word_at(tail) == SUCCESS
            && self.ptr == st.end
            && !(self.cur.toplevel && st.must_advance && self.ptr == st.start)
        {
            self.st.ptr = self.ptr;
            return Ok(SUCCEED);
        }
        self.save_lastmark();
        if self.st.repeat.is_some() {
            self.st.push_marks(self.cur.lastmark);
        }
        if self.word_at(tail) == LITERAL {
            self.cur.chr = self.word_at(tail + 1);
            return Ok(self.repeat_one_literal());
        }
        Ok(self.repeat_one_general())
    }

    fn word_at(&self, i: usize) -> u32 {
        super::charset::word(self.code, i)
    }

    /// The tail starts with a literal: only try positions followed by it.
    fn repeat_one_literal(&mut self) -> Flow {
        let min = self.arg(1) as isize;
        let end = self.st.end;
        let chr = self.cur.chr;
        while self.cur.count >= min && (self.ptr >= end || self.ch(self.ptr) != chr) {
            self.ptr = self.ptr.wrapping_sub(1);
            self.cur.count -= 1;
        }
        if self.cur.count < min {
            return self.repeat_one_give_up();
        }
        self.st.ptr = self.ptr;
        let tail = self.pc + self.arg(0) as usize;
        self.descend(Jump::RepeatOne1, tail, self.cur.toplevel)
    }

    fn repeat_one_general(&mut self) -> Flow {
        if self.cur.count < self.arg(1) as isize {
            return self.repeat_one_give_up();
        }
        self.st.ptr = self.ptr;
        let tail = self.pc + self.arg(0) as usize;
        self.descend(Jump::RepeatOne2, tail, self.cur.toplevel)
    }

    fn repeat_one_give_up(&mut self) -> Flow {
        if self.st.repeat.is_some() {
            self.st.discard_marks(self.cur.lastmark);
        }
        FAIL
    }

    pub(super) fn repeat_one_resume(&mut self, ret: bool, literal_tail: bool) -> Flow {
        if let Some(done) = self.retry_point(ret) {
            return done;
        }
        self.ptr = self.ptr.wrapping_sub(1);
        self.cur.count -= 1;
        if literal_tail {
            self.repeat_one_literal()
        } else {
            self.repeat_one_general()
        }
    }

    /// `MIN_REPEAT_ONE <skip> <min> <max> item SUCCESS tail`: lazy; take the minimum,
    /// then one more at a time until the tail matches.
    pub(super) fn min_repeat_one(&mut self) -> Result<Flow, SreError> {
        let min = self.arg(1) as usize;
        if min > self.st.end.saturating_sub(self.ptr) {
            return Ok(FAIL);
        }
        self.st.ptr = self.ptr;
        if min == 0 {
            self.cur.count = 0;
        } else {
            let n = self.count(self.pc + 3, min as u32)?;
            if n < min {
                return Ok(FAIL);
            }
            self.cur.count = n as isize;
            self.ptr += n;
        }
        let tail = self.pc + self.arg(0) as usize;
        let st = &*self.st;
        if self.word_at(tail) == SUCCESS
            && !(self.cur.toplevel
                && ((st.match_all && self.ptr != st.end)
                    || (st.must_advance && self.ptr == st.start)))
        {
            self.st.ptr = self.ptr;
            return Ok(SUCCEED);
        }
        self.save_lastmark();
        if self.st.repeat.is_some() {
            self.st.push_marks(self.cur.lastmark);
        }
        Ok(self.min_repeat_one_try())
    }

    fn min_repeat_one_try(&mut self) -> Flow {
        let max = self.arg(2);
        if max != MAXREPEAT && self.cur.count > max as isize {
            return self.repeat_one_give_up();
        }
        self.st.ptr = self.ptr;
        let tail = self.pc + self.arg(0) as usize;
        self.descend(Jump::MinRepeatOne, tail, self.cur.toplevel)
    }

    pub(super) fn min_repeat_one_resume(&mut self, ret: bool) -> Result<Flow, SreError> {
        if let Some(done) = self.retry_point(ret) {
            return Ok(done);
        }
        self.st.ptr = self.ptr;
        if self.count(self.pc + 3, 1)? == 0 {
            return Ok(self.repeat_one_give_up());
        }
        self.ptr += 1;
        self.cur.count += 1;
        Ok(self.min_repeat_one_try())
    }

    /// `POSSESSIVE_REPEAT_ONE <skip> <min> <max> item SUCCESS tail`: take as many as
    /// possible and never give any back. `None`: go on with the tail.
    pub(super) fn possessive_repeat_one(&mut self) -> Result<Option<Flow>, SreError> {
        let (min, max) = (self.arg(1) as usize, self.arg(2));
        if self.ptr + min > self.st.end {
            return Ok(Some(FAIL));
        }
        self.st.ptr = self.ptr;
        let n = self.count(self.pc + 3, max)?;
        self.ptr += n;
        self.cur.count = n as isize;
        if n < min {
            return Ok(Some(FAIL));
        }
        self.pc += self.arg(0) as usize;
        let st = &*self.st;
        if self.word_at(self.pc) == SUCCESS
            && self.ptr == st.end
            && !(self.cur.toplevel && st.must_advance && self.ptr == st.start)
        {
            self.st.ptr = self.ptr;
            return Ok(Some(SUCCEED));
        }
        Ok(None)
    }

    /// `REPEAT <skip> <min> <max> item UNTIL tail`: open a repeat context; the `UNTIL`
    /// operation at the item's end does the work.
    pub(super) fn repeat(&mut self) -> Flow {
        let rep = self.st.new_repeat(self.pc);
        self.cur.rep = rep;
        self.st.repeat = Some(rep);
        self.st.ptr = self.ptr;
        let until = self.pc + self.arg(0) as usize;
        self.descend(Jump::Repeat, until, self.cur.toplevel)
    }

    pub(super) fn repeat_resume(&mut self, ret: bool) -> Flow {
        let rep = self.cur.rep;
        self.st.repeat = self.st.rep(rep).prev;
        self.st.free_repeat(rep);
        Flow::Return(ret)
    }

    /// The current repeat context and its `min`/`max`; sets up `cur` for an `UNTIL`.
    fn until_begin(&mut self) -> Result<(usize, u32, u32), SreError> {
        let rep = self.st.repeat.ok_or(SreError::Illegal)?;
        self.cur.rep = rep;
        self.st.ptr = self.ptr;
        let r = *self.st.rep(rep);
        self.cur.count = r.count + 1;
        Ok((r.at, self.word_at(r.at + 1), self.word_at(r.at + 2)))
    }

    /// `MAX_UNTIL`: greedy; another iteration if allowed, else the tail.
    pub(super) fn max_until(&mut self) -> Result<Flow, SreError> {
        let (at, min, max) = self.until_begin()?;
        let rep = self.cur.rep;
        if self.cur.count < min as isize {
            self.st.rep(rep).count = self.cur.count;
            return Ok(self.descend(Jump::MaxUntil1, at + 3, self.cur.toplevel));
        }
        let last_ptr = self.st.rep(rep).last_ptr;
        if (self.cur.count < max as isize || max == MAXREPEAT) && self.st.ptr as isize != last_ptr {
            self.st.rep(rep).count = self.cur.count;
            self.save_lastmark();
            self.st.push_marks(self.cur.lastmark);
            self.st.data.push(last_ptr);
            self.st.rep(rep).last_ptr = self.st.ptr as isize;
            return Ok(self.descend(Jump::MaxUntil2, at + 3, self.cur.toplevel));
        }
        Ok(self.max_until_tail())
    }

    fn max_until_tail(&mut self) -> Flow {
        self.st.repeat = self.st.rep(self.cur.rep).prev;
        self.descend(Jump::MaxUntil3, self.pc, self.cur.toplevel)
    }

    /// After an iteration required by `min`.
    pub(super) fn until_resume_min(&mut self, ret: bool) -> Flow {
        if ret {
            return SUCCEED;
        }
        self.st.rep(self.cur.rep).count = self.cur.count - 1;
        self.st.ptr = self.ptr;
        FAIL
    }

    pub(super) fn max_until_resume_more(&mut self, ret: bool) -> Flow {
        let saved = self.st.data.pop().unwrap_or(NONE);
        self.st.rep(self.cur.rep).last_ptr = saved;
        if ret {
            self.st.discard_marks(self.cur.lastmark);
            return SUCCEED;
        }
        self.st.pop_marks(self.cur.lastmark, false);
        self.restore_lastmark();
        self.st.rep(self.cur.rep).count = self.cur.count - 1;
        self.st.ptr = self.ptr;
        self.max_until_tail()
    }

    pub(super) fn max_until_resume_tail(&mut self, ret: bool) -> Flow {
        self.st.repeat = Some(self.cur.rep);
        if ret {
            return SUCCEED;
        }
        self.st.ptr = self.ptr;
        FAIL
    }

    /// `MIN_UNTIL`: lazy; the tail first, another iteration if it fails.
    pub(super) fn min_until(&mut self) -> Result<Flow, SreError> {
        let (at, min, _) = self.until_begin()?;
        let rep = self.cur.rep;
        if self.cur.count < min as isize {
            self.st.rep(rep).count = self.cur.count;
            return Ok(self.descend(Jump::MinUntil1, at + 3, self.cur.toplevel));
        }
        self.st.repeat = self.st.rep(rep).prev;
        self.save_lastmark();
        if self.st.repeat.is_some() {
            self.st.push_marks(self.cur.lastmark);
        }
        Ok(self.descend(Jump::MinUntil2, self.pc, self.cur.toplevel))
    }

    pub(super) fn min_until_resume_tail(&mut self, ret: bool) -> Flow {
        let repeat_of_tail = self.st.repeat;
        let rep = self.cur.rep;
        self.st.repeat = Some(rep);
        if ret {
            if repeat_of_tail.is_some() {
                self.st.discard_marks(self.cur.lastmark);
            }
            return SUCCEED;
        }
        if repeat_of_tail.is_some() {
            self.st.pop_marks(self.cur.lastmark, false);
        }
        self.restore_lastmark();
        self.st.ptr = self.ptr;
        let r = *self.st.rep(rep);
        let max = self.word_at(r.at + 2);
        if (self.cur.count >= max as isize && max != MAXREPEAT)
            || self.st.ptr as isize == r.last_ptr
        {
            return FAIL;
        }
        self.st.rep(rep).count = self.cur.count;
        self.st.data.push(r.last_ptr);
        self.st.rep(rep).last_ptr = self.st.ptr as isize;
        self.descend(Jump::MinUntil3, r.at + 3, self.cur.toplevel)
    }

    pub(super) fn min_until_resume_more(&mut self, ret: bool) -> Flow {
        let saved = self.st.data.pop().unwrap_or(NONE);
        let rep = self.cur.rep;
        self.st.rep(rep).last_ptr = saved;
        if ret {
            return SUCCEED;
        }
        self.st.rep(rep).count = self.cur.count - 1;
        self.st.ptr = self.ptr;
        FAIL
    }

    /// `POSSESSIVE_REPEAT <skip> <min> <max> item SUCCESS tail`: iterations as many as
    /// possible, each run to completion, none given back.
    pub(super) fn possessive_repeat(&mut self) -> Flow {
        self.st.ptr = self.ptr;
        self.cur.count = 0;
        self.possessive_min_loop()
    }

    fn possessive_min_loop(&mut self) -> Flow {
        if self.cur.count < self.arg(1) as isize {
            return self.descend(Jump::PossRepeat1, self.pc + 3, false);
        }
        self.ptr = NO_PTR;
        self.possessive_more()
    }

    pub(super) fn possessive_resume_min(&mut self, ret: bool) -> Flow {
        if ret {
            self.cur.count += 1;
            return self.possessive_min_loop();
        }
        self.st.ptr = self.ptr;
        FAIL
    }

    fn possessive_more(&mut self) -> Flow {
        let max = self.arg(2);
        if (self.cur.count < max as isize || max == MAXREPEAT) && self.st.ptr != self.ptr {
            self.save_lastmark();
            self.st.push_marks(self.cur.lastmark);
            self.ptr = self.st.ptr;
            return self.descend(Jump::PossRepeat2, self.pc + 3, false);
        }
        self.possessive_done()
    }

    pub(super) fn possessive_resume_more(&mut self, ret: bool) -> Flow {
        if ret {
            self.st.discard_marks(self.cur.lastmark);
            self.cur.count += 1;
            return self.possessive_more();
        }
        self.st.pop_marks(self.cur.lastmark, false);
        self.restore_lastmark();
        self.st.ptr = self.ptr;
        self.possessive_done()
    }

    /// Continue after the loop's `SUCCESS`.
    fn possessive_done(&mut self) -> Flow {
        self.pc += self.arg(0) as usize + 1;
        self.ptr = self.st.ptr;
        Flow::Next
    }
}
