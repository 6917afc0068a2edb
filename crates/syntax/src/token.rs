//! Token kinds and the token record the tokenizer hands to the parser.
//!
//! Kinds follow CPython's `Grammar/Tokens`; keywords get their own kinds (CPython's
//! parser does the same after lookup), soft keywords stay `Name`.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum TokenKind {
    EndMarker,
    Name,
    Number,
    String,
    Newline,
    Indent,
    Dedent,
    FStringStart,
    FStringMiddle,
    FStringEnd,
    TStringStart,
    TStringMiddle,
    TStringEnd,
    /// Only produced when the tokenizer runs for `tokenize` output.
    Comment,
    /// A newline that ends no logical line; only produced for `tokenize` output.
    Nl,
    /// A `# type: ...` comment (PEP 484), only produced when parsing with type
    /// comments; the token's text is what follows the `type:` prefix.
    TypeComment,
    /// A character that is no operator (`$`, `?`, a backtick): CPython's generic OP.
    UnknownOp,
    // Operators.
    Lpar,
    Rpar,
    Lsqb,
    Rsqb,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    Vbar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    Lbrace,
    Rbrace,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VbarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    Rarrow,
    Ellipsis,
    ColonEqual,
    Exclamation,
    // Keywords.
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

impl TokenKind {
    /// The keyword kind for an identifier, if it is a (hard) keyword.
    #[inline]
    pub fn keyword(name: &[u8]) -> Option<TokenKind> {
        use TokenKind::*;
        Some(match name {
            b"False" => False,
            b"None" => None,
            b"True" => True,
            b"and" => And,
            b"as" => As,
            b"assert" => Assert,
            b"async" => Async,
            b"await" => Await,
            b"break" => Break,
            b"class" => Class,
            b"continue" => Continue,
            b"def" => Def,
            b"del" => Del,
            b"elif" => Elif,
            b"else" => Else,
            b"except" => Except,
            b"finally" => Finally,
            b"for" => For,
            b"from" => From,
            b"global" => Global,
            b"if" => If,
            b"import" => Import,
            b"in" => In,
            b"is" => Is,
            b"lambda" => Lambda,
            b"nonlocal" => Nonlocal,
            b"not" => Not,
            b"or" => Or,
            b"pass" => Pass,
            b"raise" => Raise,
            b"return" => Return,
            b"try" => Try,
            b"while" => While,
            b"with" => With,
            b"yield" => Yield,
            _ => return Option::None,
        })
    }

    /// True for keyword kinds (which `tokenize` reports as NAME).
    pub fn is_keyword(self) -> bool {
        (self as u8) >= (TokenKind::False as u8)
    }

    /// True for operator kinds (which `tokenize` reports as OP).
    pub fn is_operator(self) -> bool {
        let v = self as u8;
        (v >= TokenKind::UnknownOp as u8) && v < (TokenKind::False as u8)
    }

    /// The operator kind for one character, or `UnknownOp`.
    pub fn one_char(c: u8) -> TokenKind {
        use TokenKind::*;
        match c {
            b'!' => Exclamation,
            b'%' => Percent,
            b'&' => Amper,
            b'(' => Lpar,
            b')' => Rpar,
            b'*' => Star,
            b'+' => Plus,
            b',' => Comma,
            b'-' => Minus,
            b'.' => Dot,
            b'/' => Slash,
            b':' => Colon,
            b';' => Semi,
            b'<' => Less,
            b'=' => Equal,
            b'>' => Greater,
            b'@' => At,
            b'[' => Lsqb,
            b']' => Rsqb,
            b'^' => Circumflex,
            b'{' => Lbrace,
            b'|' => Vbar,
            b'}' => Rbrace,
            b'~' => Tilde,
            _ => UnknownOp,
        }
    }

    /// The operator kind for two characters, if they form one (`<>` included, as
    /// CPython's tokenizer accepts it for the Barry-as-FLUFL easter egg).
    pub fn two_chars(c1: u8, c2: u8) -> Option<TokenKind> {
        use TokenKind::*;
        Some(match (c1, c2) {
            (b'!', b'=') => NotEqual,
            (b'%', b'=') => PercentEqual,
            (b'&', b'=') => AmperEqual,
            (b'*', b'*') => DoubleStar,
            (b'*', b'=') => StarEqual,
            (b'+', b'=') => PlusEqual,
            (b'-', b'=') => MinEqual,
            (b'-', b'>') => Rarrow,
            (b'/', b'/') => DoubleSlash,
            (b'/', b'=') => SlashEqual,
            (b':', b'=') => ColonEqual,
            (b'<', b'<') => LeftShift,
            (b'<', b'=') => LessEqual,
            (b'<', b'>') => NotEqual,
            (b'=', b'=') => EqEqual,
            (b'>', b'=') => GreaterEqual,
            (b'>', b'>') => RightShift,
            (b'@', b'=') => AtEqual,
            (b'^', b'=') => CircumflexEqual,
            (b'|', b'=') => VbarEqual,
            _ => return Option::None,
        })
    }

    /// The operator kind for three characters, if they form one.
    pub fn three_chars(c1: u8, c2: u8, c3: u8) -> Option<TokenKind> {
        use TokenKind::*;
        Some(match (c1, c2, c3) {
            (b'*', b'*', b'=') => DoubleStarEqual,
            (b'.', b'.', b'.') => Ellipsis,
            (b'/', b'/', b'=') => DoubleSlashEqual,
            (b'<', b'<', b'=') => LeftShiftEqual,
            (b'>', b'>', b'=') => RightShiftEqual,
            _ => return Option::None,
        })
    }

    /// CPython's exact token name (`tok_name[exact_type]`), used by `tokenize -e`
    /// and in a few error messages.
    pub fn exact_name(self) -> &'static str {
        use TokenKind::*;
        match self {
            EndMarker => "ENDMARKER",
            Name => "NAME",
            Number => "NUMBER",
            String => "STRING",
            Newline => "NEWLINE",
            Indent => "INDENT",
            Dedent => "DEDENT",
            FStringStart => "FSTRING_START",
            FStringMiddle => "FSTRING_MIDDLE",
            FStringEnd => "FSTRING_END",
            TStringStart => "TSTRING_START",
            TStringMiddle => "TSTRING_MIDDLE",
            TStringEnd => "TSTRING_END",
            Comment => "COMMENT",
            Nl => "NL",
            TypeComment => "TYPE_COMMENT",
            UnknownOp => "OP",
            Lpar => "LPAR",
            Rpar => "RPAR",
            Lsqb => "LSQB",
            Rsqb => "RSQB",
            Colon => "COLON",
            Comma => "COMMA",
            Semi => "SEMI",
            Plus => "PLUS",
            Minus => "MINUS",
            Star => "STAR",
            Slash => "SLASH",
            Vbar => "VBAR",
            Amper => "AMPER",
            Less => "LESS",
            Greater => "GREATER",
            Equal => "EQUAL",
            Dot => "DOT",
            Percent => "PERCENT",
            Lbrace => "LBRACE",
            Rbrace => "RBRACE",
            EqEqual => "EQEQUAL",
            NotEqual => "NOTEQUAL",
            LessEqual => "LESSEQUAL",
            GreaterEqual => "GREATEREQUAL",
            Tilde => "TILDE",
            Circumflex => "CIRCUMFLEX",
            LeftShift => "LEFTSHIFT",
            RightShift => "RIGHTSHIFT",
            DoubleStar => "DOUBLESTAR",
            PlusEqual => "PLUSEQUAL",
            MinEqual => "MINEQUAL",
            StarEqual => "STAREQUAL",
            SlashEqual => "SLASHEQUAL",
            PercentEqual => "PERCENTEQUAL",
            AmperEqual => "AMPEREQUAL",
            VbarEqual => "VBAREQUAL",
            CircumflexEqual => "CIRCUMFLEXEQUAL",
            LeftShiftEqual => "LEFTSHIFTEQUAL",
            RightShiftEqual => "RIGHTSHIFTEQUAL",
            DoubleStarEqual => "DOUBLESTAREQUAL",
            DoubleSlash => "DOUBLESLASH",
            DoubleSlashEqual => "DOUBLESLASHEQUAL",
            At => "AT",
            AtEqual => "ATEQUAL",
            Rarrow => "RARROW",
            Ellipsis => "ELLIPSIS",
            ColonEqual => "COLONEQUAL",
            Exclamation => "EXCLAMATION",
            _ => "NAME",
        }
    }
}

/// One token: its kind, byte span in the (newline-normalized) source, its
/// start/end positions (1-based lines, 0-based byte columns), and the bracket
/// nesting level after it (CPython's `token->level`, which some parser error
/// rules consult).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
pub struct Token {
    pub kind: TokenKind,
    pub start: u32,
    pub end: u32,
    pub lineno: u32,
    pub col: u32,
    pub end_lineno: u32,
    pub end_col: u32,
    pub level: u32,
}

impl Token {
    /// A token built with two 16-byte writes, the width the parser's token buffer
    /// copies it with: a copy that reads fields just written one by one cannot
    /// take them from the store buffer and waits for the stores to reach the
    /// cache, which measured 4% of a parse.
    // The result is one of two `cfg`-selected bindings, hence `let_and_return`.
    #[allow(clippy::too_many_arguments, clippy::let_and_return)]
    #[inline(always)]
    pub fn new(
        kind: TokenKind,
        start: u32,
        end: u32,
        lineno: u32,
        col: u32,
        end_lineno: u32,
        end_col: u32,
        level: u32,
    ) -> Token {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: SSE2 is part of x86_64. `Token` is `repr(C)`: a one-byte kind
        // (here a valid discriminant, followed by three bytes of padding) and
        // seven u32s, at the offsets the two vectors fill (little-endian lanes).
        let token = unsafe {
            use std::arch::x86_64::_mm_set_epi32;
            let kind = u32::from_ne_bytes([kind as u8, 0, 0, 0]);
            let low = _mm_set_epi32(lineno as i32, end as i32, start as i32, kind as i32);
            let high = _mm_set_epi32(level as i32, end_col as i32, end_lineno as i32, col as i32);
            std::mem::transmute::<[std::arch::x86_64::__m128i; 2], Token>([low, high])
        };
        #[cfg(not(target_arch = "x86_64"))]
        let token = Token {
            kind,
            start,
            end,
            lineno,
            col,
            end_lineno,
            end_col,
            level,
        };
        token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_places_every_field() {
        let tok = Token::new(TokenKind::Yield, 1, 2, 3, 4, 5, 6, 7);
        assert_eq!(tok.kind, TokenKind::Yield);
        assert_eq!(
            (
                tok.start,
                tok.end,
                tok.lineno,
                tok.col,
                tok.end_lineno,
                tok.end_col,
                tok.level
            ),
            (1, 2, 3, 4, 5, 6, 7)
        );
    }
}
