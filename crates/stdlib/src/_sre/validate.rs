//! Checks that compiled code is well formed before it is run (CPython's `_validate`):
//! every skip stays inside its block, blocks end with the operation they must end
//! with, marks and group references name existing groups. `_sre.compile` refuses
//! anything else with "invalid SRE code", so the engine only ever sees sane code.

use super::constants::*;

/// Validation failure (the details do not matter: one message for all).
pub struct Invalid;

type Check = Result<(), Invalid>;

/// A cursor over `code[pos..end]`.
struct Reader<'a> {
    code: &'a [u32],
    pos: usize,
    end: usize,
}

impl Reader<'_> {
    fn next(&mut self) -> Result<u32, Invalid> {
        if self.pos >= self.end {
            return Err(Invalid);
        }
        let w = self.code.get(self.pos).copied().ok_or(Invalid)?;
        self.pos += 1;
        Ok(w)
    }

    /// A skip operand, which must not reach past `end` (by more than `adj`).
    fn skip(&mut self, adj: usize) -> Result<usize, Invalid> {
        let start = self.pos;
        let skip = self.next()? as usize;
        if skip.saturating_sub(adj) > self.end - start {
            return Err(Invalid);
        }
        Ok(skip)
    }

    fn at(&self, i: usize) -> Result<u32, Invalid> {
        self.code.get(i).copied().ok_or(Invalid)
    }
}

/// Nesting deeper than this is refused. `re`'s own parser cannot produce even half
/// of it (it runs out of Python recursion first); it bounds the Rust recursion here.
const MAX_DEPTH: usize = 2000;

/// What validation carries along.
struct Cx {
    groups: usize,
    depth: usize,
    /// Where each character set's body starts.
    sets: Vec<usize>,
}

/// Validate the whole program of a pattern with `groups` capturing groups; returns
/// the positions of its character sets' bodies.
pub fn validate(code: &[u32], groups: usize) -> Result<Vec<usize>, Invalid> {
    if groups as i64 > MAXGROUPS || code.last() != Some(&SUCCESS) {
        return Err(Invalid);
    }
    let mut cx = Cx {
        groups,
        depth: 0,
        sets: Vec::new(),
    };
    block(code, 0, code.len() - 1, &mut cx)?;
    Ok(cx.sets)
}

/// How a block ended: normally, or with a `JUMP` (allowed only as a branch's last).
enum Ending {
    Plain,
    Jump,
}

fn charset(code: &[u32], start: usize, end: usize, cx: &mut Cx) -> Check {
    cx.sets.push(start);
    let mut r = Reader {
        code,
        pos: start,
        end,
    };
    while r.pos < r.end {
        match r.next()? {
            NEGATE => {}
            LITERAL => {
                r.next()?;
            }
            RANGE | RANGE_UNI_IGNORE => {
                r.next()?;
                r.next()?;
            }
            CHARSET => {
                if 8 > r.end - r.pos {
                    return Err(Invalid);
                }
                r.pos += 8;
            }
            BIGCHARSET => {
                let blocks = r.next()?;
                if 64 > r.end - r.pos {
                    return Err(Invalid);
                }
                for i in 0..64 {
                    if r.at(r.pos + i)?
                        .to_ne_bytes()
                        .iter()
                        .any(|&b| b as u32 >= blocks)
                    {
                        return Err(Invalid);
                    }
                }
                r.pos += 64;
                let bitmaps = blocks as usize * 8;
                if bitmaps > r.end - r.pos {
                    return Err(Invalid);
                }
                r.pos += bitmaps;
            }
            CATEGORY => {
                if r.next()? > CATEGORY_UNI_NOT_LINEBREAK {
                    return Err(Invalid);
                }
            }
            _ => return Err(Invalid),
        }
    }
    Ok(())
}

fn inner(code: &[u32], start: usize, end: usize, cx: &mut Cx) -> Result<Ending, Invalid> {
    let groups = cx.groups;
    if start > end {
        return Err(Invalid);
    }
    let mut r = Reader {
        code,
        pos: start,
        end,
    };
    while r.pos < r.end {
        match r.next()? {
            MARK => {
                // Marks 2g and 2g+1 of groups 0..groups (as the reference checks).
                if r.next()? as usize >= 2 * groups {
                    return Err(Invalid);
                }
            }
            LITERAL
            | NOT_LITERAL
            | LITERAL_IGNORE
            | NOT_LITERAL_IGNORE
            | LITERAL_UNI_IGNORE
            | NOT_LITERAL_UNI_IGNORE
            | LITERAL_LOC_IGNORE
            | NOT_LITERAL_LOC_IGNORE => {
                r.next()?;
            }
            SUCCESS | FAILURE | ANY | ANY_ALL => {}
            AT => {
                if r.next()? > AT_UNI_NON_BOUNDARY {
                    return Err(Invalid);
                }
            }
            IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => {
                let at = r.pos;
                let skip = r.skip(0)?;
                if skip < 2 {
                    return Err(Invalid);
                }
                charset(code, at + 1, at + skip - 1, cx)?;
                if r.at(at + skip - 1)? != FAILURE {
                    return Err(Invalid);
                }
                r.pos = at + skip;
            }
            INFO => info(&mut r, cx)?,
            BRANCH => branch(&mut r, cx)?,
            REPEAT_ONE | MIN_REPEAT_ONE | POSSESSIVE_REPEAT_ONE => {
                let at = r.pos;
                let skip = repeat_head(&mut r)?;
                if skip < 4 {
                    return Err(Invalid);
                }
                block(code, at + 3, at + skip - 1, cx)?;
                r.pos = at + skip - 1;
                if r.next()? != SUCCESS {
                    return Err(Invalid);
                }
            }
            op @ (REPEAT | POSSESSIVE_REPEAT) => {
                let at = r.pos;
                let skip = repeat_head(&mut r)?;
                if skip < 3 {
                    return Err(Invalid);
                }
                block(code, at + 3, at + skip, cx)?;
                r.pos = at + skip;
                let closing = r.next()?;
                let ok = if op == POSSESSIVE_REPEAT {
                    closing == SUCCESS
                } else {
                    closing == MAX_UNTIL || closing == MIN_UNTIL
                };
                if !ok {
                    return Err(Invalid);
                }
            }
            ATOMIC_GROUP => {
                let at = r.pos;
                let skip = r.skip(0)?;
                if skip < 2 {
                    return Err(Invalid);
                }
                block(code, at + 1, at + skip - 1, cx)?;
                r.pos = at + skip - 1;
                if r.next()? != SUCCESS {
                    return Err(Invalid);
                }
            }
            GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                if r.next()? as usize >= groups {
                    return Err(Invalid);
                }
            }
            GROUPREF_EXISTS => groupref_exists(&mut r, cx)?,
            ASSERT | ASSERT_NOT => {
                let at = r.pos;
                let skip = r.skip(0)?;
                r.next()?;
                if skip < 3 {
                    return Err(Invalid);
                }
                block(code, at + 2, at + skip - 1, cx)?;
                r.pos = at + skip - 1;
                if r.next()? != SUCCESS {
                    return Err(Invalid);
                }
            }
            JUMP => {
                return if r.pos + 1 == r.end {
                    Ok(Ending::Jump)
                } else {
                    Err(Invalid)
                };
            }
            _ => return Err(Invalid),
        }
    }
    Ok(Ending::Plain)
}

/// A block that must end normally.
fn block(code: &[u32], start: usize, end: usize, cx: &mut Cx) -> Check {
    match nested(code, start, end, cx)? {
        Ending::Plain => Ok(()),
        Ending::Jump => Err(Invalid),
    }
}

/// [`inner`] one nesting level down.
fn nested(code: &[u32], start: usize, end: usize, cx: &mut Cx) -> Result<Ending, Invalid> {
    if cx.depth >= MAX_DEPTH {
        return Err(Invalid);
    }
    cx.depth += 1;
    let ending = inner(code, start, end, cx);
    cx.depth -= 1;
    ending
}

/// `<skip> <min> <max>` of a repeat; returns the skip.
fn repeat_head(r: &mut Reader) -> Result<usize, Invalid> {
    let skip = r.skip(0)?;
    let (min, max) = (r.next()?, r.next()?);
    if min > max {
        return Err(Invalid);
    }
    Ok(skip)
}

/// `INFO <skip> <flags> <min> <max> [prefix...|charset...]`.
fn info(r: &mut Reader, cx: &mut Cx) -> Check {
    let at = r.pos;
    let skip = r.skip(0)?;
    if skip < 1 {
        return Err(Invalid);
    }
    let block_end = at + skip;
    let flags = r.next()?;
    r.next()?;
    r.next()?;
    if flags & !(INFO_PREFIX | INFO_LITERAL | INFO_CHARSET) != 0
        || (flags & INFO_PREFIX != 0 && flags & INFO_CHARSET != 0)
        || (flags & INFO_LITERAL != 0 && flags & INFO_PREFIX == 0)
    {
        return Err(Invalid);
    }
    if flags & INFO_PREFIX != 0 {
        let len = r.next()? as usize;
        r.next()?;
        if len > block_end.saturating_sub(r.pos) {
            return Err(Invalid);
        }
        r.pos += len;
        if len > block_end.saturating_sub(r.pos) {
            return Err(Invalid);
        }
        for i in 0..len {
            if r.at(r.pos + i)? as usize >= len {
                return Err(Invalid);
            }
        }
        r.pos += len;
    }
    if flags & INFO_CHARSET != 0 {
        if block_end < r.pos + 1 {
            return Err(Invalid);
        }
        charset(r.code, r.pos, block_end - 1, cx)?;
        if r.at(block_end - 1)? != FAILURE {
            return Err(Invalid);
        }
        r.pos = block_end;
    } else if r.pos != block_end {
        return Err(Invalid);
    }
    Ok(())
}

/// `BRANCH (<skip> alternative JUMP <skip>)* 0`: every JUMP goes to the same place,
/// just after the terminating 0.
fn branch(r: &mut Reader, cx: &mut Cx) -> Check {
    let mut target = None;
    loop {
        let at = r.pos;
        let skip = r.skip(0)?;
        if skip == 0 {
            break;
        }
        if skip < 3 {
            return Err(Invalid);
        }
        block(r.code, at + 1, at + skip - 2, cx)?;
        r.pos = at + skip - 2;
        if r.next()? != JUMP {
            return Err(Invalid);
        }
        let jump_at = r.pos;
        let jump = r.skip(0)?;
        let to = jump_at + jump;
        match target {
            None => target = Some(to),
            Some(t) if t != to => return Err(Invalid),
            Some(_) => {}
        }
    }
    match target {
        Some(t) if t == r.pos => Ok(()),
        _ => Err(Invalid),
    }
}

/// `GROUPREF_EXISTS <group> <skip> yes [JUMP <skip> no]`; the first skip counts
/// from its own position.
fn groupref_exists(r: &mut Reader, cx: &mut Cx) -> Check {
    if r.next()? as usize >= cx.groups {
        return Err(Invalid);
    }
    let skip_at = r.pos;
    let skip = r.skip(1)?;
    if skip == 0 {
        return Err(Invalid);
    }
    let yes_end = skip_at + skip - 1;
    let mut after = yes_end;
    if let Ending::Jump = nested(r.code, skip_at + 1, yes_end, cx)? {
        // The "yes" part ended with `JUMP <skip>`: its skip word is the last one.
        let no_at = yes_end - 1;
        let mut no = Reader {
            code: r.code,
            pos: no_at,
            end: r.end,
        };
        let skip_no = no.skip(0)?;
        if skip_no == 0 {
            return Err(Invalid);
        }
        block(r.code, no_at + 1, no_at + skip_no, cx)?;
        after = no_at + skip_no;
    }
    if after > r.end {
        return Err(Invalid);
    }
    r.pos = after;
    Ok(())
}
