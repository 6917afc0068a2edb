//! Searching: the first position from `st.start` where the pattern matches (CPython's
//! `SRE(search)`), using the `INFO` block to skip ahead: a literal prefix (scanned
//! with its overlap table, Knuth-Morris-Pratt style) or a set of possible first
//! characters.

use super::chars::Unit;
use super::charset::word;
use super::constants::*;
use super::engine::{Matcher, SreError};

impl<C: Unit> Matcher<'_, C> {
    /// Search from `st.start`; on success `st.start..st.ptr` is the match.
    pub fn search(&mut self) -> Result<bool, SreError> {
        let code = self.code;
        let mut ptr = self.st.start;
        let end = self.st.end;
        if ptr > end {
            return Ok(false);
        }
        let mut pc = 0;
        let mut flags = 0;
        let mut scan_end = end;
        let mut prefix: &[u32] = &[];
        let mut prefix_skip = 0;
        let mut overlap: &[u32] = &[];
        let mut charset = None;
        if word(code, 0) == INFO {
            flags = word(code, 2);
            let min = word(code, 3) as usize;
            if min != 0 && end - ptr < min {
                return Ok(false);
            }
            if min > 1 {
                // Leave at least one character, so the literal scans still work.
                scan_end = (end + 1).saturating_sub(min).max(ptr);
            }
            if flags & INFO_PREFIX != 0 {
                let len = word(code, 5) as usize;
                prefix_skip = word(code, 6) as usize;
                prefix = code.get(7..7 + len).unwrap_or(&[]);
                // Indexed from 1 as the scan uses it: `overlap[i]` is the table's i-1.
                overlap = code.get(6 + len..6 + 2 * len).unwrap_or(&[]);
            } else if flags & INFO_CHARSET != 0 {
                charset = Some(5);
            }
            pc = 1 + word(code, 1) as usize;
        }
        if prefix.len() == 1 {
            return self.search_char(pc, prefix[0], prefix_skip, flags);
        }
        if prefix.len() > 1 {
            return self.search_prefix(pc, prefix, overlap, prefix_skip, flags);
        }
        if let Some(set) = charset {
            self.st.must_advance = false;
            loop {
                while ptr < end && !self.prog.in_set(set, self.ch(ptr)) {
                    ptr += 1;
                }
                if ptr >= end {
                    return Ok(false);
                }
                self.st.start = ptr;
                self.st.ptr = ptr;
                if self.run(pc, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.st.reset();
            }
        }
        self.st.start = ptr;
        self.st.ptr = ptr;
        let mut found = self.run(pc, true)?;
        self.st.must_advance = false;
        if !found
            && word(code, pc) == AT
            && matches!(word(code, pc + 1), AT_BEGINNING | AT_BEGINNING_STRING)
        {
            self.st.start = end;
            self.st.ptr = end;
            return Ok(false);
        }
        while !found && ptr < scan_end {
            ptr += 1;
            self.st.reset();
            self.st.start = ptr;
            self.st.ptr = ptr;
            found = self.run(pc, false)?;
        }
        Ok(found)
    }

    /// The pattern starts with one known character.
    fn search_char(
        &mut self,
        pc: usize,
        c: u32,
        prefix_skip: usize,
        flags: u32,
    ) -> Result<bool, SreError> {
        let end = self.st.end;
        let mut ptr = self.st.start;
        self.st.must_advance = false;
        while ptr < end {
            while self.ch(ptr) != c {
                ptr += 1;
                if ptr >= end {
                    return Ok(false);
                }
            }
            self.st.start = ptr;
            self.st.ptr = ptr + prefix_skip;
            if flags & INFO_LITERAL != 0 {
                return Ok(true);
            }
            if self.run(pc + 2 * prefix_skip, false)? {
                return Ok(true);
            }
            ptr += 1;
            self.st.reset();
        }
        Ok(false)
    }

    /// The pattern starts with a known string: find each occurrence with the
    /// overlap table, then match the rest.
    fn search_prefix(
        &mut self,
        pc: usize,
        prefix: &[u32],
        overlap: &[u32],
        prefix_skip: usize,
        flags: u32,
    ) -> Result<bool, SreError> {
        let end = self.st.end;
        let mut ptr = self.st.start;
        let len = prefix.len();
        if len > end - ptr {
            return Ok(false);
        }
        let first = prefix.first().copied().unwrap_or(u32::MAX);
        while ptr < end {
            loop {
                let c = self.ch(ptr);
                ptr += 1;
                if c == first {
                    break;
                }
                if ptr >= end {
                    return Ok(false);
                }
            }
            if ptr >= end {
                return Ok(false);
            }
            let mut i = 1;
            self.st.must_advance = false;
            loop {
                if self.ch(ptr) == prefix.get(i).copied().unwrap_or(u32::MAX) {
                    i += 1;
                    if i != len {
                        ptr += 1;
                        if ptr >= end {
                            return Ok(false);
                        }
                        continue;
                    }
                    // A possible match: the prefix ends at `ptr`.
                    self.st.start = ptr + 1 - len;
                    self.st.ptr = ptr + 1 - len + prefix_skip;
                    if flags & INFO_LITERAL != 0 {
                        return Ok(true);
                    }
                    if self.run(pc + 2 * prefix_skip, false)? {
                        return Ok(true);
                    }
                    ptr += 1;
                    if ptr >= end {
                        return Ok(false);
                    }
                    self.st.reset();
                }
                i = overlap.get(i).copied().unwrap_or(0) as usize;
                if i == 0 {
                    break;
                }
            }
        }
        Ok(false)
    }
}
