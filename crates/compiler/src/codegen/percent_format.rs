//! `"literal %s %r" % (a, b)` compiles like the f-string `f"literal {a!s} {b!r}"`, as
//! CPython 3.14's AST optimizer rewrites it (`optimize_format` in `Python/ast_opt.c`):
//! only `%s`, `%r` and `%a` (with an optional `-` flag, width and precision), a tuple of
//! exactly as many plain arguments, and a str literal on the left.

use adder_bytecode::{Constant, Opcode};
use adder_syntax::ast::{self, Expr};

use super::{Compiler, Result};
use crate::ir::Loc;

/// Longest width or precision the rewrite accepts.
const MAX_DIGITS: usize = 2;

/// One piece of the format string.
enum Piece {
    Literal(String),
    /// A conversion (`s`, `r`, `a`) with its format spec, for the next argument.
    Field {
        conversion: char,
        spec: String,
    },
}

/// Split a format string into pieces; `None` if it uses anything but simple fields.
fn parse(format: &str, nargs: usize) -> Option<Vec<Piece>> {
    let chars: Vec<char> = format.chars().collect();
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut fields = 0;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            literal.push(chars[i]);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'%') {
            literal.push('%');
            i += 2;
            continue;
        }
        i += 1;
        let mut left_align = false;
        while let Some(&c) = chars.get(i).filter(|c| "-+ #0".contains(**c)) {
            if c != '-' {
                return None;
            }
            left_align = true;
            i += 1;
        }
        let width: String = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        i += width.len();
        let mut precision = None;
        if chars.get(i) == Some(&'.') {
            let digits: String = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            i += 1 + digits.len();
            precision = Some(digits);
        }
        // CPython leaves widths and precisions of three or more digits alone.
        if width.len() > MAX_DIGITS || precision.as_ref().is_some_and(|p| p.len() > MAX_DIGITS) {
            return None;
        }
        let conversion = *chars.get(i).filter(|c| matches!(c, 's' | 'r' | 'a'))?;
        i += 1;
        let mut spec = String::new();
        if !width.is_empty() {
            if !left_align {
                spec.push('>');
            }
            spec.push_str(&width);
        }
        if let Some(p) = precision {
            spec.push('.');
            spec.push_str(&p);
        }
        if !literal.is_empty() {
            pieces.push(Piece::Literal(std::mem::take(&mut literal)));
        }
        pieces.push(Piece::Field { conversion, spec });
        fields += 1;
    }
    if !literal.is_empty() {
        pieces.push(Piece::Literal(literal));
    }
    (fields == nargs).then_some(pieces)
}

impl<'a> Compiler<'a> {
    /// Compile `left % right` as string building when CPython would; returns whether it did.
    pub fn percent_format(&mut self, left: &Expr, right: &'a Expr, loc: Loc) -> Result<bool> {
        let Expr::Constant {
            value: ast::Constant::Str(format),
            ..
        } = left
        else {
            return Ok(false);
        };
        let Expr::Tuple { elts, .. } = right else {
            return Ok(false);
        };
        if elts.iter().any(|e| matches!(e, Expr::Starred { .. })) {
            return Ok(false);
        }
        let Some(pieces) = parse(format, elts.len()) else {
            return Ok(false);
        };
        let mut args = elts.iter();
        for piece in &pieces {
            match piece {
                // The rewritten f-string's literal parts have no location in CPython.
                Piece::Literal(text) => {
                    self.load_const(Constant::Str(text.as_str().into()), Loc::NONE)
                }
                Piece::Field { conversion, spec } => {
                    let Some(arg) = args.next() else { break };
                    self.expr(arg)?;
                    let arg_loc = Loc::from_range(arg.range());
                    let code = match conversion {
                        's' => 1,
                        'r' => 2,
                        _ => 3,
                    };
                    self.emit(Opcode::ConvertValue, code, arg_loc);
                    if spec.is_empty() {
                        self.emit0(Opcode::FormatSimple, arg_loc);
                    } else {
                        self.load_const(Constant::Str(spec.as_str().into()), Loc::NONE);
                        self.emit0(Opcode::FormatWithSpec, arg_loc);
                    }
                }
            }
        }
        match pieces.len() {
            0 => self.load_const(Constant::Str("".into()), loc),
            1 => {}
            n => self.emit(Opcode::BuildString, n as u32, loc),
        }
        Ok(true)
    }
}
