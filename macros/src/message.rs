//! Message templates: `"validation error: {subject}"`, `{0}`, `{field:?}`, format specs.
//!
//! [`parse`] reads a template as `format!` does and returns what the derive needs of it: the text
//! when it has no placeholder (braces unescaped: the static message, and the static body written
//! from it), the fields it names (which `check` looks up in the variant), each use with its
//! formatting trait (the bounds of `Display`), and a copy of the template with every field made
//! positional, width and precision arguments (`name$`) included. `expand::display` passes the
//! user's literal to `write!` untouched when it can, so that rustc reports a bad format spec
//! inside the literal; the positional copy is for a template that skips a tuple index or names a
//! raw identifier. An error is a mistake of the template itself (an unmatched brace, an empty
//! placeholder, `.*` precision), as a message for the caller to put on the literal.

/// A reference to a field in a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ArgRef {
    Named(String),
    Index(usize),
}

/// The formatting trait a placeholder uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum FmtTrait {
    Display,
    Debug,
    LowerHex,
    UpperHex,
    Octal,
    Binary,
    LowerExp,
    UpperExp,
    Pointer,
}

/// One use of a field: the field and the trait it is formatted with (`name$` width and
/// precision arguments count as `usize` uses and carry no trait).
#[derive(Clone, Debug)]
pub(crate) struct Use {
    pub(crate) arg: ArgRef,
    pub(crate) fmt_trait: Option<FmtTrait>,
}

#[derive(Debug)]
pub(crate) struct Template {
    /// The template as written (braces still escaped).
    pub(crate) written: String,
    /// The text when the template has no placeholder (`{{` and `}}` unescaped).
    pub(crate) text: Option<String>,
    /// The format string with every field reference made positional.
    pub(crate) format: String,
    /// The distinct fields, in positional order.
    pub(crate) args: Vec<ArgRef>,
    /// Every use, for bounds.
    pub(crate) uses: Vec<Use>,
    /// The template in order: literal text (braces unescaped) and placeholders, for the
    /// catalog's example message.
    pub(crate) pieces: Vec<Piece>,
    /// Every placeholder is a bare `{name}`, without a format spec: the text of its `Display`.
    pub(crate) plain: bool,
}

/// A part of a template.
#[derive(Clone, Debug)]
pub(crate) enum Piece {
    Text(String),
    Arg(ArgRef, FmtTrait),
}

pub(crate) fn parse(template: &str) -> Result<Template, String> {
    parse_in(template, "message")
}

/// [`parse`], for a template that is `what` (`"header value"`), as its errors say.
pub(crate) fn parse_in(template: &str, what: &str) -> Result<Template, String> {
    if let Some(template) = without_braces(template) {
        return Ok(template);
    }
    let mut text = String::new();
    let mut format = String::new();
    let mut args: Vec<ArgRef> = Vec::new();
    let mut uses = Vec::new();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut plain = true;
    let mut chars = template.char_indices().peekable();
    let push_text = |pieces: &mut Vec<Piece>, c: char| match pieces.last_mut() {
        Some(Piece::Text(text)) => text.push(c),
        _ => pieces.push(Piece::Text(c.to_string())),
    };

    let position = |arg: ArgRef, args: &mut Vec<ArgRef>| -> usize {
        if let Some(i) = args.iter().position(|a| *a == arg) {
            i
        } else {
            args.push(arg);
            args.len() - 1
        }
    };

    while let Some((_, ch)) = chars.next() {
        match ch {
            '{' if chars.peek().map(|&(_, c)| c) == Some('{') => {
                chars.next();
                text.push('{');
                push_text(&mut pieces, '{');
                format.push_str("{{");
            }
            '}' if chars.peek().map(|&(_, c)| c) == Some('}') => {
                chars.next();
                text.push('}');
                push_text(&mut pieces, '}');
                format.push_str("}}");
            }
            '}' => {
                return Err(format!(
                    "unmatched `}}` in {what}; write `}}}}` for a literal brace"
                ));
            }
            '{' => {
                let mut inner = String::new();
                let mut closed = false;
                for (_, c) in chars.by_ref() {
                    if c == '}' {
                        closed = true;
                        break;
                    }
                    inner.push(c);
                }
                if !closed {
                    return Err(format!(
                        "unclosed `{{` in {what}; write `{{{{` for a literal brace"
                    ));
                }
                let (name, spec) = match inner.split_once(':') {
                    Some((name, spec)) => (name.trim(), Some(spec)),
                    None => (inner.trim(), None),
                };
                let arg = parse_arg(name)?;
                let spec = spec.unwrap_or("");
                plain &= spec.is_empty();
                let (spec, spec_uses) = rewrite_spec(spec, what, &mut |a| position(a, &mut args))?;
                let index = position(arg.clone(), &mut args);
                pieces.push(Piece::Arg(arg.clone(), fmt_trait(&spec)));
                uses.push(Use {
                    arg,
                    fmt_trait: Some(fmt_trait(&spec)),
                });
                uses.extend(spec_uses.into_iter().map(|arg| Use {
                    arg,
                    fmt_trait: None,
                }));
                format.push('{');
                format.push_str(&index.to_string());
                if !spec.is_empty() {
                    format.push(':');
                    format.push_str(&spec);
                }
                format.push('}');
            }
            _ => {
                text.push(ch);
                push_text(&mut pieces, ch);
                format.push(ch);
            }
        }
    }

    Ok(Template {
        written: template.to_owned(),
        text: if args.is_empty() { Some(text) } else { None },
        format,
        args,
        uses,
        pieces,
        plain,
    })
}

/// A template without a brace: what the character loop of [`parse_in`] would give, without
/// the loop (most messages have no brace, and the derive runs unoptimized).
fn without_braces(template: &str) -> Option<Template> {
    if template.bytes().any(|b| b == b'{' || b == b'}') {
        return None;
    }
    Some(Template {
        written: template.to_owned(),
        text: Some(template.to_owned()),
        format: template.to_owned(),
        args: Vec::new(),
        uses: Vec::new(),
        pieces: if template.is_empty() {
            Vec::new()
        } else {
            vec![Piece::Text(template.to_owned())]
        },
        plain: true,
    })
}

fn parse_arg(name: &str) -> Result<ArgRef, String> {
    if name.is_empty() {
        return Err(
            "a placeholder must name a field: `{field}`, or `{0}` for a tuple variant's first field"
                .into(),
        );
    }
    if let Ok(index) = name.parse::<usize>() {
        return Ok(ArgRef::Index(index));
    }
    let name = name.strip_prefix("r#").unwrap_or(name);
    let mut chars = name.chars();
    let starts_well = chars.next().is_some_and(|c| c == '_' || c.is_alphabetic());
    if starts_well && chars.all(|c| c == '_' || c.is_alphanumeric()) {
        Ok(ArgRef::Named(name.to_owned()))
    } else {
        Err(format!("`{{{name}}}` does not name a field"))
    }
}

/// Rewrites `name$` and `N$` (width and precision from a field) to positions.
fn rewrite_spec(
    spec: &str,
    what: &str,
    position: &mut dyn FnMut(ArgRef) -> usize,
) -> Result<(String, Vec<ArgRef>), String> {
    if spec.contains(".*") {
        return Err(format!(
            "`.*` precision is not supported in {what}s; use `.field$`"
        ));
    }
    let mut out = String::new();
    let mut uses = Vec::new();
    let mut word = String::new();
    for ch in spec.chars() {
        if ch == '_' || ch.is_alphanumeric() {
            word.push(ch);
            continue;
        }
        if ch == '$' && !word.is_empty() {
            let arg = parse_arg(&word)?;
            out.push_str(&position(arg.clone()).to_string());
            uses.push(arg);
        } else {
            out.push_str(&word);
        }
        word.clear();
        out.push(ch);
    }
    out.push_str(&word);
    Ok((out, uses))
}

fn fmt_trait(spec: &str) -> FmtTrait {
    if spec.ends_with('?') {
        return FmtTrait::Debug;
    }
    match spec.chars().last() {
        Some('x') => FmtTrait::LowerHex,
        Some('X') => FmtTrait::UpperHex,
        Some('o') => FmtTrait::Octal,
        Some('b') => FmtTrait::Binary,
        Some('e') => FmtTrait::LowerExp,
        Some('E') => FmtTrait::UpperExp,
        Some('p') => FmtTrait::Pointer,
        _ => FmtTrait::Display,
    }
}

#[cfg(test)]
mod tests {
    use super::{ArgRef, FmtTrait, Piece, parse};

    #[test]
    fn static_text_unescapes_braces() {
        let t = parse("use {{json}} here").unwrap();
        assert_eq!(t.text.as_deref(), Some("use {json} here"));
        assert_eq!(t.format, "use {{json}} here");
    }

    #[test]
    fn text_without_braces_is_one_piece() {
        let t = parse("resource not found").unwrap();
        assert_eq!(t.written, "resource not found");
        assert_eq!(t.text.as_deref(), Some("resource not found"));
        assert_eq!(t.format, "resource not found");
        assert!(t.args.is_empty() && t.uses.is_empty());
        assert!(matches!(&t.pieces[..], [Piece::Text(text)] if text == "resource not found"));
        assert!(parse("").unwrap().pieces.is_empty());
        // With braces, the same pieces come from the character loop.
        let t = parse("use {{json}} here").unwrap();
        assert_eq!(t.written, "use {{json}} here");
        assert!(matches!(&t.pieces[..], [Piece::Text(text)] if text == "use {json} here"));
    }

    #[test]
    fn fields_become_positions() {
        let t = parse("{subject} of {0:?} and {subject:>8} {n:.prec$}").unwrap();
        assert_eq!(t.format, "{0} of {1:?} and {0:>8} {3:.2$}");
        assert_eq!(
            t.args,
            [
                ArgRef::Named("subject".into()),
                ArgRef::Index(0),
                ArgRef::Named("prec".into()),
                ArgRef::Named("n".into()),
            ]
        );
        assert_eq!(t.uses[1].fmt_trait, Some(FmtTrait::Debug));
        assert!(t.text.is_none());
    }

    #[test]
    fn bad_templates() {
        assert!(parse("{}").is_err());
        assert!(parse("a } b").is_err());
        assert!(parse("a { b").is_err());
        assert!(parse("{a-b}").is_err());
        assert!(parse("{x:.*}").is_err());
    }
}
