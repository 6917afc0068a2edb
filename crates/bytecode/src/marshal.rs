//! adder's own on-disk form of code objects, for the compiled-module cache
//! (`__pycache__/NAME.adder-314.pyc`; CPython's role of `marshal` + the `.pyc` header).
//!
//! A cache file is a header followed by the serialized module code object:
//!
//! ```text
//! MAGIC (8 bytes) | FORMAT_VERSION (u32 LE) | source mtime (u64 LE, whole seconds)
//! | source size (u64 LE) | checksum of the body (u64 LE) | body
//! ```
//!
//! The header is checked against the source file as CPython checks its `.pyc` files
//! (mtime in seconds and size); the checksum makes a damaged file a load error rather
//! than wrong bytecode. The body is read defensively: every length is checked against
//! what is left, nesting is bounded, and anything unexpected is a `MarshalError`, so a
//! corrupted or foreign file makes the importer compile the source instead.
//!
//! `co_filename` is not stored: the loader passes the source path it found, so a moved
//! tree still reports the right file (CPython patches `co_filename` after loading for
//! the same reason).

use std::fmt;
use std::rc::Rc;

use adder_numeric::BigInt;

use crate::code::{CodeObject, CodeUnit, LocalKind};
use crate::constant::Constant;
use crate::exception_table::ExceptionTableEntry;
use crate::location_table::LocationRuns;

/// First bytes of every adder cache file.
pub const MAGIC: [u8; 8] = *b"adder314";
/// Bump whenever the body layout, `CodeObject`, the instruction set or the code the
/// compiler generates changes, so that caches written by an older adder are recompiled
/// instead of misread or run with outdated code (2: import statements' positions; 3:
/// positions stored as CPython's `co_linetable` bytes; 4: str constants with lone
/// surrogates, which older caches hold as U+FFFD).
pub const FORMAT_VERSION: u32 = 4;
/// Bytes before the body: magic, version, mtime, size, checksum.
pub const HEADER_LEN: usize = 8 + 4 + 8 + 8 + 8;
/// Deepest nesting of constants and code objects accepted on load; the compiler's own
/// nesting limits keep real modules far below it.
const MAX_DEPTH: usize = 400;

/// What the cache was compiled from: the source's modification time (whole seconds)
/// and size in bytes, the two values CPython's `.pyc` validation compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceStamp {
    pub mtime: u64,
    pub size: u64,
}

/// Why a cache file could not be used. Never fatal: the importer recompiles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarshalError {
    BadMagic,
    WrongVersion,
    /// The source changed since the cache was written.
    Stale,
    BadChecksum,
    Truncated,
    Malformed(&'static str),
    TooDeep,
}

impl fmt::Display for MarshalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MarshalError::BadMagic => write!(f, "bad magic number"),
            MarshalError::WrongVersion => write!(f, "cache written by another adder version"),
            MarshalError::Stale => write!(f, "source changed since the cache was written"),
            MarshalError::BadChecksum => write!(f, "checksum mismatch"),
            MarshalError::Truncated => write!(f, "truncated data"),
            MarshalError::Malformed(what) => write!(f, "malformed data: {what}"),
            MarshalError::TooDeep => write!(f, "constants nested too deeply"),
        }
    }
}

pub type MarshalResult<T> = Result<T, MarshalError>;

/// A complete cache file for `code`, compiled from a source with `stamp`.
pub fn cache_file_bytes(code: &CodeObject, stamp: SourceStamp) -> Vec<u8> {
    let body = dump_code(code);
    let mut out = Vec::with_capacity(HEADER_LEN + body.len());
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&stamp.mtime.to_le_bytes());
    out.extend_from_slice(&stamp.size.to_le_bytes());
    out.extend_from_slice(&checksum(&body).to_le_bytes());
    out.extend_from_slice(&body);
    out
}

/// The module code object of a cache file, if the file is intact and was compiled from
/// a source with `stamp`. `filename` becomes every code object's `co_filename`.
pub fn load_cache_file(
    bytes: &[u8],
    stamp: SourceStamp,
    filename: &str,
) -> MarshalResult<CodeObject> {
    let mut reader = Reader::new(bytes);
    if reader.take(MAGIC.len())? != MAGIC {
        return Err(MarshalError::BadMagic);
    }
    if reader.u32_le()? != FORMAT_VERSION {
        return Err(MarshalError::WrongVersion);
    }
    let found = SourceStamp {
        mtime: reader.u64_le()?,
        size: reader.u64_le()?,
    };
    if found != stamp {
        return Err(MarshalError::Stale);
    }
    let expected_sum = reader.u64_le()?;
    let body = reader.rest();
    if checksum(body) != expected_sum {
        return Err(MarshalError::BadChecksum);
    }
    load_code(body, filename)
}

/// The body form of one code object (no header).
pub fn dump_code(code: &CodeObject) -> Vec<u8> {
    let mut writer = Writer { out: Vec::new() };
    writer.code(code);
    writer.out
}

/// Reads a body written by `dump_code`; all of `bytes` must be consumed.
pub fn load_code(bytes: &[u8], filename: &str) -> MarshalResult<CodeObject> {
    let mut reader = Reader::new(bytes);
    let filename: Rc<str> = Rc::from(filename);
    let code = reader.code(&filename, 0)?;
    if !reader.rest().is_empty() {
        return Err(MarshalError::Malformed("trailing bytes"));
    }
    Ok(code)
}

/// 64-bit FNV-1a: cheap, and any flipped or lost byte changes it.
fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Constant tags of the body format.
mod tag {
    pub const NONE: u8 = 0;
    pub const TRUE: u8 = 1;
    pub const FALSE: u8 = 2;
    pub const ELLIPSIS: u8 = 3;
    pub const SMALL_INT: u8 = 4;
    pub const BIG_INT: u8 = 5;
    pub const FLOAT: u8 = 6;
    pub const COMPLEX: u8 = 7;
    pub const STR: u8 = 8;
    pub const BYTES: u8 = 9;
    pub const TUPLE: u8 = 10;
    pub const FROZENSET: u8 = 11;
    pub const CODE: u8 = 12;
    pub const SLICE: u8 = 13;
    pub const SURROGATE_STR: u8 = 14;
}

struct Writer {
    out: Vec<u8>,
}

impl Writer {
    /// Unsigned LEB128.
    fn varint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.out.push((value as u8) | 0x80);
            value >>= 7;
        }
        self.out.push(value as u8);
    }

    fn len(&mut self, len: usize) {
        self.varint(len as u64);
    }

    fn bytes(&mut self, bytes: &[u8]) {
        self.len(bytes.len());
        self.out.extend_from_slice(bytes);
    }

    fn str(&mut self, text: &str) {
        self.bytes(text.as_bytes());
    }

    fn code(&mut self, code: &CodeObject) {
        self.len(code.code.len());
        for unit in &code.code {
            self.out.extend_from_slice(&[unit.op, unit.arg]);
        }
        self.len(code.consts.len());
        for constant in &code.consts {
            self.constant(constant);
        }
        self.len(code.names.len());
        for name in &code.names {
            self.str(name);
        }
        self.len(code.localsplus_names.len());
        for (name, kind) in code.localsplus_names.iter().zip(&code.localsplus_kinds) {
            self.str(name);
            self.out.push(kind.0);
        }
        for number in [
            code.argcount,
            code.posonlyargcount,
            code.kwonlyargcount,
            code.flags,
            code.stacksize,
            code.firstlineno,
        ] {
            self.varint(u64::from(number));
        }
        self.str(&code.name);
        self.str(&code.qualname);
        self.bytes(&code.linetable);
        self.len(code.exception_table.len());
        for entry in &code.exception_table {
            for number in [entry.start, entry.end, entry.target, entry.depth] {
                self.varint(u64::from(number));
            }
            self.out.push(u8::from(entry.lasti));
        }
    }

    fn constant(&mut self, constant: &Constant) {
        match constant {
            Constant::None => self.out.push(tag::NONE),
            Constant::Bool(true) => self.out.push(tag::TRUE),
            Constant::Bool(false) => self.out.push(tag::FALSE),
            Constant::Ellipsis => self.out.push(tag::ELLIPSIS),
            Constant::Int(value) => match i64::try_from(value) {
                Ok(small) => {
                    self.out.push(tag::SMALL_INT);
                    // Zigzag, so that small negative numbers stay short.
                    self.varint(((small << 1) ^ (small >> 63)) as u64);
                }
                Err(_) => {
                    self.out.push(tag::BIG_INT);
                    self.str(&value.to_string());
                }
            },
            Constant::Float(value) => {
                self.out.push(tag::FLOAT);
                self.out.extend_from_slice(&value.to_bits().to_le_bytes());
            }
            Constant::Complex { real, imag } => {
                self.out.push(tag::COMPLEX);
                self.out.extend_from_slice(&real.to_bits().to_le_bytes());
                self.out.extend_from_slice(&imag.to_bits().to_le_bytes());
            }
            Constant::Str(text) => {
                self.out.push(tag::STR);
                self.str(text);
            }
            Constant::SurrogateStr(points) => {
                self.out.push(tag::SURROGATE_STR);
                self.len(points.len());
                points.iter().for_each(|&p| self.varint(u64::from(p)));
            }
            Constant::Bytes(bytes) => {
                self.out.push(tag::BYTES);
                self.bytes(bytes);
            }
            Constant::Tuple(items) | Constant::FrozenSet(items) => {
                let is_tuple = matches!(constant, Constant::Tuple(_));
                self.out
                    .push(if is_tuple { tag::TUPLE } else { tag::FROZENSET });
                self.len(items.len());
                for item in items.iter() {
                    self.constant(item);
                }
            }
            Constant::Code(code) => {
                self.out.push(tag::CODE);
                self.code(code);
            }
            Constant::Slice(parts) => {
                self.out.push(tag::SLICE);
                for part in parts.iter() {
                    self.constant(part);
                }
            }
        }
    }
}

/// A bounds-checked cursor over untrusted bytes.
struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn new(data: &'a [u8]) -> Reader<'a> {
        Reader { data, pos: 0 }
    }

    fn rest(&self) -> &'a [u8] {
        self.data.get(self.pos..).unwrap_or_default()
    }

    fn take(&mut self, count: usize) -> MarshalResult<&'a [u8]> {
        let slice = self
            .pos
            .checked_add(count)
            .and_then(|end| self.data.get(self.pos..end))
            .ok_or(MarshalError::Truncated)?;
        self.pos += count;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> MarshalResult<[u8; N]> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn u8(&mut self) -> MarshalResult<u8> {
        Ok(self.array::<1>()?[0])
    }

    fn u32_le(&mut self) -> MarshalResult<u32> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn u64_le(&mut self) -> MarshalResult<u64> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    fn varint(&mut self) -> MarshalResult<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.u8()?;
            let bits = u64::from(byte & 0x7f);
            if shift == 63 && bits > 1 {
                break;
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(MarshalError::Malformed("integer too long"))
    }

    fn u32(&mut self) -> MarshalResult<u32> {
        u32::try_from(self.varint()?).map_err(|_| MarshalError::Malformed("number out of range"))
    }

    /// A count of items that each take at least `min_item_bytes`; rejected when the
    /// remaining bytes cannot hold them, so a corrupt length never allocates much.
    fn count(&mut self, min_item_bytes: usize) -> MarshalResult<usize> {
        let count = usize::try_from(self.varint()?).map_err(|_| MarshalError::Truncated)?;
        let needed = count.checked_mul(min_item_bytes.max(1));
        match needed {
            Some(needed) if needed <= self.rest().len() => Ok(count),
            _ => Err(MarshalError::Truncated),
        }
    }

    fn bytes(&mut self) -> MarshalResult<&'a [u8]> {
        let len = self.count(1)?;
        self.take(len)
    }

    fn str(&mut self) -> MarshalResult<Rc<str>> {
        std::str::from_utf8(self.bytes()?)
            .map(Rc::from)
            .map_err(|_| MarshalError::Malformed("invalid UTF-8"))
    }

    /// A [`Constant::SurrogateStr`]'s code points (each at most U+10FFFF).
    fn code_points(&mut self) -> MarshalResult<Rc<[u32]>> {
        let count = self.count(1)?;
        (0..count)
            .map(|_| match u32::try_from(self.varint()?) {
                Ok(cp) if cp < 0x11_0000 => Ok(cp),
                _ => Err(MarshalError::Malformed("code point out of range")),
            })
            .collect()
    }

    fn f64(&mut self) -> MarshalResult<f64> {
        Ok(f64::from_bits(self.u64_le()?))
    }

    fn code(&mut self, filename: &Rc<str>, depth: usize) -> MarshalResult<CodeObject> {
        if depth > MAX_DEPTH {
            return Err(MarshalError::TooDeep);
        }
        let units = self.count(2)?;
        let code = self
            .take(units * 2)?
            .chunks_exact(2)
            .map(|pair| CodeUnit {
                op: pair[0],
                arg: pair[1],
            })
            .collect();
        let consts = (0..self.count(1)?)
            .map(|_| self.constant(filename, depth + 1))
            .collect::<MarshalResult<_>>()?;
        let names = (0..self.count(1)?)
            .map(|_| self.str())
            .collect::<MarshalResult<_>>()?;
        let nlocalsplus = self.count(2)?;
        let mut localsplus_names = Vec::with_capacity(nlocalsplus);
        let mut localsplus_kinds = Vec::with_capacity(nlocalsplus);
        for _ in 0..nlocalsplus {
            localsplus_names.push(self.str()?);
            localsplus_kinds.push(LocalKind(self.u8()?));
        }
        let argcount = self.u32()?;
        let posonlyargcount = self.u32()?;
        let kwonlyargcount = self.u32()?;
        let flags = self.u32()?;
        let stacksize = self.u32()?;
        let firstlineno = self.u32()?;
        let name = self.str()?;
        let qualname = self.str()?;
        let linetable = self.linetable(units, firstlineno)?;
        let exception_table = (0..self.count(5)?)
            .map(|_| self.exception_entry())
            .collect::<MarshalResult<_>>()?;
        Ok(CodeObject {
            code,
            consts,
            names,
            localsplus_names,
            localsplus_kinds,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            stacksize,
            name,
            qualname,
            filename: filename.clone(),
            firstlineno,
            linetable,
            exception_table,
        })
    }

    /// A well-formed position table covering exactly the code's units, as the
    /// compiler writes it.
    fn linetable(&mut self, units: usize, firstlineno: u32) -> MarshalResult<Vec<u8>> {
        let table = self.bytes()?;
        let mut runs = LocationRuns::new(table, firstlineno);
        let covered: usize = runs.by_ref().map(|(count, _)| count).sum();
        if !runs.at_end() {
            return Err(MarshalError::Malformed("bad position table"));
        }
        if covered != units {
            return Err(MarshalError::Malformed(
                "positions do not match the code units",
            ));
        }
        Ok(table.to_vec())
    }

    fn exception_entry(&mut self) -> MarshalResult<ExceptionTableEntry> {
        Ok(ExceptionTableEntry {
            start: self.u32()?,
            end: self.u32()?,
            target: self.u32()?,
            depth: self.u32()?,
            lasti: match self.u8()? {
                0 => false,
                1 => true,
                _ => return Err(MarshalError::Malformed("bad exception-table flag")),
            },
        })
    }

    fn constants(&mut self, filename: &Rc<str>, depth: usize) -> MarshalResult<Rc<[Constant]>> {
        (0..self.count(1)?)
            .map(|_| self.constant(filename, depth + 1))
            .collect()
    }

    fn constant(&mut self, filename: &Rc<str>, depth: usize) -> MarshalResult<Constant> {
        if depth > MAX_DEPTH {
            return Err(MarshalError::TooDeep);
        }
        Ok(match self.u8()? {
            tag::NONE => Constant::None,
            tag::TRUE => Constant::Bool(true),
            tag::FALSE => Constant::Bool(false),
            tag::ELLIPSIS => Constant::Ellipsis,
            tag::SMALL_INT => {
                let zigzag = self.varint()?;
                Constant::Int(BigInt::from((zigzag >> 1) as i64 ^ -((zigzag & 1) as i64)))
            }
            tag::BIG_INT => {
                let text = self.str()?;
                let value = text
                    .parse::<BigInt>()
                    .map_err(|_| MarshalError::Malformed("bad integer"))?;
                Constant::Int(value)
            }
            tag::FLOAT => Constant::Float(self.f64()?),
            tag::COMPLEX => Constant::Complex {
                real: self.f64()?,
                imag: self.f64()?,
            },
            tag::STR => Constant::Str(self.str()?),
            tag::SURROGATE_STR => Constant::SurrogateStr(self.code_points()?),
            tag::BYTES => Constant::Bytes(Rc::from(self.bytes()?)),
            tag::TUPLE => Constant::Tuple(self.constants(filename, depth)?),
            tag::FROZENSET => Constant::FrozenSet(self.constants(filename, depth)?),
            tag::CODE => Constant::Code(Rc::new(self.code(filename, depth + 1)?)),
            tag::SLICE => Constant::Slice(Rc::new([
                self.constant(filename, depth + 1)?,
                self.constant(filename, depth + 1)?,
                self.constant(filename, depth + 1)?,
            ])),
            _ => return Err(MarshalError::Malformed("unknown constant tag")),
        })
    }
}
