//! Engine operations for alternation, look-around, atomic groups and back-references
//! (`BRANCH`, `ASSERT`, `ASSERT_NOT`, `ATOMIC_GROUP`, `GROUPREF*`), each with the
//! point where it resumes when its child context returns.

use super::chars::{lower_ascii, lower_locale, lower_unicode, Unit};
use super::charset::word;
use super::constants::*;
use super::engine::{Flow, Jump, Matcher, FAIL, SUCCEED};

impl<C: Unit> Matcher<'_, C> {
    /// `BRANCH <skip> alternative <JUMP> ... 0`: try each alternative in order.
    pub(super) fn branch(&mut self) -> Flow {
        self.save_lastmark();
        if self.st.repeat.is_some() {
            self.st.push_marks(self.cur.lastmark);
        }
        self.branch_try()
    }

    /// Try the alternatives from the one at `pc`, skipping those whose first
    /// character cannot match.
    fn branch_try(&mut self) -> Flow {
        let end = self.st.end;
        loop {
            let skip = self.arg(0) as usize;
            if skip == 0 {
                break;
            }
            let blocked = match self.arg(1) {
                LITERAL => self.ptr >= end || self.ch(self.ptr) != self.arg(2),
                IN => self.ptr >= end || !self.prog.in_set(self.pc + 3, self.ch(self.ptr)),
                _ => false,
            };
            if !blocked {
                self.st.ptr = self.ptr;
                return self.descend(Jump::Branch, self.pc + 1, self.cur.toplevel);
            }
            self.pc += skip;
        }
        if self.st.repeat.is_some() {
            self.st.discard_marks(self.cur.lastmark);
        }
        FAIL
    }

    /// After a child tried one of several ways on: its success is this context's;
    /// after a failure the marks saved before the tries are restored (and kept for the
    /// next try), and `None` says to try the next way.
    pub(super) fn retry_point(&mut self, ret: bool) -> Option<Flow> {
        if ret {
            if self.st.repeat.is_some() {
                self.st.discard_marks(self.cur.lastmark);
            }
            return Some(SUCCEED);
        }
        if self.st.repeat.is_some() {
            self.st.pop_marks(self.cur.lastmark, true);
        }
        self.restore_lastmark();
        None
    }

    pub(super) fn branch_resume(&mut self, ret: bool) -> Flow {
        if let Some(done) = self.retry_point(ret) {
            return done;
        }
        self.pc += self.arg(0) as usize;
        self.branch_try()
    }

    /// `ASSERT <skip> <back> pattern`: look-ahead (back 0) or fixed-width look-behind.
    pub(super) fn assert(&mut self) -> Flow {
        let back = self.arg(1) as usize;
        if self.ptr < back {
            return FAIL;
        }
        self.st.ptr = self.ptr - back;
        self.descend(Jump::Assert, self.pc + 2, false)
    }

    pub(super) fn assert_resume(&mut self, ret: bool) -> Flow {
        if !ret {
            return FAIL;
        }
        self.pc += self.arg(0) as usize;
        Flow::Next
    }

    /// `ASSERT_NOT <skip> <back> pattern`: `None` when it holds trivially (not enough
    /// text behind) and matching goes on.
    pub(super) fn assert_not(&mut self) -> Option<Flow> {
        let back = self.arg(1) as usize;
        if self.ptr >= back {
            self.st.ptr = self.ptr - back;
            self.save_lastmark();
            if self.st.repeat.is_some() {
                self.st.push_marks(self.cur.lastmark);
            }
            return Some(self.descend(Jump::AssertNot, self.pc + 2, false));
        }
        self.pc += self.arg(0) as usize;
        None
    }

    pub(super) fn assert_not_resume(&mut self, ret: bool) -> Flow {
        if ret {
            if self.st.repeat.is_some() {
                self.st.discard_marks(self.cur.lastmark);
            }
            return FAIL;
        }
        if self.st.repeat.is_some() {
            self.st.pop_marks(self.cur.lastmark, false);
        }
        self.restore_lastmark();
        self.pc += self.arg(0) as usize;
        Flow::Next
    }

    /// `ATOMIC_GROUP <skip> pattern SUCCESS`: match once, never backtrack into it.
    pub(super) fn atomic_group(&mut self) -> Flow {
        self.st.ptr = self.ptr;
        self.descend(Jump::AtomicGroup, self.pc + 1, false)
    }

    pub(super) fn atomic_group_resume(&mut self, ret: bool) -> Flow {
        if !ret {
            self.st.ptr = self.ptr;
            return FAIL;
        }
        self.pc += self.arg(0) as usize;
        self.ptr = self.st.ptr;
        Flow::Next
    }

    /// The span of group `g` (0-based) if it is set in this attempt.
    fn set_group(&self, g: usize) -> Option<(usize, usize)> {
        if (2 * g) as isize >= self.st.lastmark {
            return None;
        }
        let (p, e) = (self.st.mark(2 * g), self.st.mark(2 * g + 1));
        (p >= 0 && e >= p).then_some((p as usize, e as usize))
    }

    /// `GROUPREF* <g>`: the text of group g again (with the op's case folding);
    /// advances `ptr` past it when it matches.
    pub(super) fn groupref(&mut self, op: u32) -> bool {
        let Some((p, e)) = self.set_group(self.arg(0) as usize) else {
            return false;
        };
        let fold: fn(u32) -> u32 = match op {
            GROUPREF_IGNORE => lower_ascii,
            GROUPREF_UNI_IGNORE => lower_unicode,
            GROUPREF_LOC_IGNORE => lower_locale,
            _ => |c| c,
        };
        let end = self.st.end;
        let mut ptr = self.ptr;
        for k in p..e {
            if ptr >= end || fold(self.ch(ptr)) != fold(self.ch(k)) {
                return false;
            }
            ptr += 1;
        }
        self.ptr = ptr;
        true
    }

    /// `GROUPREF_EXISTS <g> <skip> yes [JUMP no]`: continue in "yes" when group g is
    /// set, else at the skip target.
    pub(super) fn groupref_exists(&mut self) {
        if self.set_group(self.arg(0) as usize).is_some() {
            self.pc += 2;
        } else {
            self.pc += word(self.code, self.pc + 1) as usize;
        }
    }
}
