//! Tokenizer cases aimed at its in-place scanning paths (string prefixes, string
//! bodies across lines, comments, indentation, numbers, non-ASCII names, operators)
//! and at the errors they report. Expected values were produced by the reference:
//! `tokenize.generate_tokens` for the tokens, `compile(..., PyCF_ONLY_AST)` for
//! the errors.

use crate::token_stream::token_stream;

/// A token as `tokenize` reports it: type, string, start, end.
type Expected = (&'static str, &'static str, (u32, u32), (u32, u32));

/// Sources and their tokens.
const CASES: &[(&str, &[Expected])] = &[
    (
        "x = rb'a' + Bb'c' + bb'd' + Rf\"{y}\"\n",
        &[
            ("NAME", "x", (1, 0), (1, 1)),
            ("OP", "=", (1, 2), (1, 3)),
            ("STRING", "rb'a'", (1, 4), (1, 9)),
            ("OP", "+", (1, 10), (1, 11)),
            ("NAME", "Bb", (1, 12), (1, 14)),
            ("STRING", "'c'", (1, 14), (1, 17)),
            ("OP", "+", (1, 18), (1, 19)),
            ("NAME", "bb", (1, 20), (1, 22)),
            ("STRING", "'d'", (1, 22), (1, 25)),
            ("OP", "+", (1, 26), (1, 27)),
            ("FSTRING_START", "Rf\"", (1, 28), (1, 31)),
            ("OP", "{", (1, 31), (1, 32)),
            ("NAME", "y", (1, 32), (1, 33)),
            ("OP", "}", (1, 33), (1, 34)),
            ("FSTRING_END", "\"", (1, 34), (1, 35)),
            ("NEWLINE", "\n", (1, 35), (1, 36)),
            ("ENDMARKER", "", (2, 0), (2, 0)),
        ],
    ),
    (
        "s = '''a\\\nb\n''' \"q\\\"\"\nt = 1\n",
        &[
            ("NAME", "s", (1, 0), (1, 1)),
            ("OP", "=", (1, 2), (1, 3)),
            ("STRING", "'''a\\\nb\n'''", (1, 4), (3, 3)),
            ("STRING", "\"q\\\"\"", (3, 4), (3, 9)),
            ("NEWLINE", "\n", (3, 9), (3, 10)),
            ("NAME", "t", (4, 0), (4, 1)),
            ("OP", "=", (4, 2), (4, 3)),
            ("NUMBER", "1", (4, 4), (4, 5)),
            ("NEWLINE", "\n", (4, 5), (4, 6)),
            ("ENDMARKER", "", (5, 0), (5, 0)),
        ],
    ),
    (
        "if x:  # c\n\tpass\n\n  # only\ny = [1,\n  2]\n",
        &[
            ("NAME", "if", (1, 0), (1, 2)),
            ("NAME", "x", (1, 3), (1, 4)),
            ("OP", ":", (1, 4), (1, 5)),
            ("COMMENT", "# c", (1, 7), (1, 10)),
            ("NEWLINE", "\n", (1, 10), (1, 11)),
            ("INDENT", "\t", (2, 0), (2, 1)),
            ("NAME", "pass", (2, 1), (2, 5)),
            ("NEWLINE", "\n", (2, 5), (2, 6)),
            ("NL", "\n", (3, 0), (3, 1)),
            ("COMMENT", "# only", (4, 2), (4, 8)),
            ("NL", "\n", (4, 8), (4, 9)),
            ("DEDENT", "", (5, 0), (5, 0)),
            ("NAME", "y", (5, 0), (5, 1)),
            ("OP", "=", (5, 2), (5, 3)),
            ("OP", "[", (5, 4), (5, 5)),
            ("NUMBER", "1", (5, 5), (5, 6)),
            ("OP", ",", (5, 6), (5, 7)),
            ("NL", "\n", (5, 7), (5, 8)),
            ("NUMBER", "2", (6, 2), (6, 3)),
            ("OP", "]", (6, 3), (6, 4)),
            ("NEWLINE", "\n", (6, 4), (6, 5)),
            ("ENDMARKER", "", (7, 0), (7, 0)),
        ],
    ),
    (
        "y = 0x_1f + 1_000.5e-3j + .5 + ... + 0o17 + 0b1 + 00\n",
        &[
            ("NAME", "y", (1, 0), (1, 1)),
            ("OP", "=", (1, 2), (1, 3)),
            ("NUMBER", "0x_1f", (1, 4), (1, 9)),
            ("OP", "+", (1, 10), (1, 11)),
            ("NUMBER", "1_000.5e-3j", (1, 12), (1, 23)),
            ("OP", "+", (1, 24), (1, 25)),
            ("NUMBER", ".5", (1, 26), (1, 28)),
            ("OP", "+", (1, 29), (1, 30)),
            ("OP", "...", (1, 31), (1, 34)),
            ("OP", "+", (1, 35), (1, 36)),
            ("NUMBER", "0o17", (1, 37), (1, 41)),
            ("OP", "+", (1, 42), (1, 43)),
            ("NUMBER", "0b1", (1, 44), (1, 47)),
            ("OP", "+", (1, 48), (1, 49)),
            ("NUMBER", "00", (1, 50), (1, 52)),
            ("NEWLINE", "\n", (1, 52), (1, 53)),
            ("ENDMARKER", "", (2, 0), (2, 0)),
        ],
    ),
    (
        "été = x.é\n",
        &[
            ("NAME", "été", (1, 0), (1, 3)),
            ("OP", "=", (1, 4), (1, 5)),
            ("NAME", "x", (1, 6), (1, 7)),
            ("OP", ".", (1, 7), (1, 8)),
            ("NAME", "é", (1, 8), (1, 9)),
            ("NEWLINE", "\n", (1, 9), (1, 10)),
            ("ENDMARKER", "", (2, 0), (2, 0)),
        ],
    ),
    (
        "a = f'{x!r:>{w}}' t'z{a}'\n",
        &[
            ("NAME", "a", (1, 0), (1, 1)),
            ("OP", "=", (1, 2), (1, 3)),
            ("FSTRING_START", "f'", (1, 4), (1, 6)),
            ("OP", "{", (1, 6), (1, 7)),
            ("NAME", "x", (1, 7), (1, 8)),
            ("OP", "!", (1, 8), (1, 9)),
            ("NAME", "r", (1, 9), (1, 10)),
            ("OP", ":", (1, 10), (1, 11)),
            ("FSTRING_MIDDLE", ">", (1, 11), (1, 12)),
            ("OP", "{", (1, 12), (1, 13)),
            ("NAME", "w", (1, 13), (1, 14)),
            ("OP", "}", (1, 14), (1, 15)),
            ("FSTRING_MIDDLE", "", (1, 15), (1, 15)),
            ("OP", "}", (1, 15), (1, 16)),
            ("FSTRING_END", "'", (1, 16), (1, 17)),
            ("TSTRING_START", "t'", (1, 18), (1, 20)),
            ("TSTRING_MIDDLE", "z", (1, 20), (1, 21)),
            ("OP", "{", (1, 21), (1, 22)),
            ("NAME", "a", (1, 22), (1, 23)),
            ("OP", "}", (1, 23), (1, 24)),
            ("TSTRING_END", "'", (1, 24), (1, 25)),
            ("NEWLINE", "\n", (1, 25), (1, 26)),
            ("ENDMARKER", "", (2, 0), (2, 0)),
        ],
    ),
    (
        "z = 1 \\\n  + 2 ** 3 // 4 >>= 5 != 6 -> 7 := 8\n",
        &[
            ("NAME", "z", (1, 0), (1, 1)),
            ("OP", "=", (1, 2), (1, 3)),
            ("NUMBER", "1", (1, 4), (1, 5)),
            ("OP", "+", (2, 2), (2, 3)),
            ("NUMBER", "2", (2, 4), (2, 5)),
            ("OP", "**", (2, 6), (2, 8)),
            ("NUMBER", "3", (2, 9), (2, 10)),
            ("OP", "//", (2, 11), (2, 13)),
            ("NUMBER", "4", (2, 14), (2, 15)),
            ("OP", ">>=", (2, 16), (2, 19)),
            ("NUMBER", "5", (2, 20), (2, 21)),
            ("OP", "!=", (2, 22), (2, 24)),
            ("NUMBER", "6", (2, 25), (2, 26)),
            ("OP", "->", (2, 27), (2, 29)),
            ("NUMBER", "7", (2, 30), (2, 31)),
            ("OP", ":=", (2, 32), (2, 34)),
            ("NUMBER", "8", (2, 35), (2, 36)),
            ("NEWLINE", "\n", (2, 36), (2, 37)),
            ("ENDMARKER", "", (3, 0), (3, 0)),
        ],
    ),
];

/// (source, message, line, offset) of the SyntaxError the source raises.
const ERRORS: &[(&str, &str, u32, i32)] = &[
    (
        "s = '''a\nb\\\n",
        "unterminated triple-quoted string literal (detected at line 2)",
        1,
        5,
    ),
    (
        "x = 1\ns = 'ab\\'\n",
        "unterminated string literal (detected at line 2); perhaps you escaped the end quote?",
        2,
        5,
    ),
    ("y = ub'x'\n", "'u' and 'b' prefixes are incompatible", 1, 5),
    ("z = 0x\n", "invalid hexadecimal literal", 1, 6),
    ("w = 1_\n", "invalid decimal literal", 1, 6),
    ("v = a· + €b\n", "invalid character '€' (U+20AC)", 1, 10),
    (
        "if 1:\n        x\n    y\n",
        "unindent does not match any outer indentation level",
        3,
        6,
    ),
];

#[test]
fn tokens_match_the_reference() {
    for (source, expected) in CASES {
        let stream = token_stream(source);
        assert_eq!(stream.error, None, "{source:?}");
        let got: Vec<_> = stream
            .tokens
            .iter()
            .map(|t| (t.type_name(), t.string.as_str(), t.start, t.end))
            .collect();
        assert_eq!(got, expected.to_vec(), "{source:?}");
    }
}

#[test]
fn errors_match_the_reference() {
    for &(source, msg, lineno, offset) in ERRORS {
        let error = crate::parse(source, crate::Mode::Exec, "<s>").err();
        let got = error.map(|e| (e.msg, e.lineno, e.offset));
        assert_eq!(got, Some((msg.to_string(), lineno, offset)), "{source:?}");
    }
}
