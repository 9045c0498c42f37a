//! `rename_all`: codes from variant names, with serde's seven case conventions.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
}

impl Case {
    pub(crate) const NAMES: &'static [(&'static str, Case)] = &[
        ("lowercase", Case::Lower),
        ("UPPERCASE", Case::Upper),
        ("PascalCase", Case::Pascal),
        ("camelCase", Case::Camel),
        ("snake_case", Case::Snake),
        ("SCREAMING_SNAKE_CASE", Case::ScreamingSnake),
        ("kebab-case", Case::Kebab),
    ];

    pub(crate) fn from_name(name: &str) -> Option<Case> {
        Case::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, c)| *c)
    }

    /// Applies the case to a variant name written in `PascalCase`, as serde does.
    pub(crate) fn apply(self, variant: &str) -> String {
        match self {
            Case::Pascal => variant.to_owned(),
            Case::Lower => variant.to_ascii_lowercase(),
            Case::Upper => variant.to_ascii_uppercase(),
            Case::Camel => {
                let mut chars = variant.chars();
                match chars.next() {
                    Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
                    None => String::new(),
                }
            }
            Case::Snake => separated(variant, '_'),
            Case::ScreamingSnake => separated(variant, '_').to_ascii_uppercase(),
            Case::Kebab => separated(variant, '-'),
        }
    }
}

fn separated(variant: &str, separator: char) -> String {
    let mut out = String::with_capacity(variant.len() + 4);
    for (i, ch) in variant.char_indices() {
        if i > 0 && ch.is_uppercase() {
            out.push(separator);
        }
        out.push(ch.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Case;

    #[test]
    fn every_case() {
        let cases = [
            ("lowercase", "accountnotfound"),
            ("UPPERCASE", "ACCOUNTNOTFOUND"),
            ("PascalCase", "AccountNotFound"),
            ("camelCase", "accountNotFound"),
            ("snake_case", "account_not_found"),
            ("SCREAMING_SNAKE_CASE", "ACCOUNT_NOT_FOUND"),
            ("kebab-case", "account-not-found"),
        ];
        for (name, expected) in cases {
            assert_eq!(
                Case::from_name(name).unwrap().apply("AccountNotFound"),
                expected
            );
        }
        assert_eq!(Case::from_name("Snake_Case"), None);
    }
}
