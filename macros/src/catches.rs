//! Who answers a failure by its status: the variants with `catch = "status"`, by the statuses
//! each may be sent with. `check` reports two variants for one status and a class nobody
//! covers; `expand` writes the `match` on the status from the same table.

use crate::ast::Variant;
use crate::attr::StatusRange;
use crate::failure::STATUS;
use proc_macro2::Span;
use std::collections::BTreeMap;

/// A variant that answers failures by their status: its position in the type and the span of
/// its `"status"` in `catch`.
#[derive(Clone, Copy)]
pub(crate) struct Catcher {
    pub(crate) position: usize,
    pub(crate) span: Span,
}

/// Who answers a failure that no variant claims by kind (another layer's response, a kind
/// nobody names): the variants with `catch = "status"`, by the statuses each may be sent with.
pub(crate) struct StatusCatches {
    /// One status: the variant that declares it, or whose run-time status lists it.
    pub(crate) exact: BTreeMap<u16, Catcher>,
    /// A class (4 or 5): the variant whose run-time status takes every status of it.
    pub(crate) class: BTreeMap<u16, Catcher>,
    /// A status or class that two variants answer: the first, the second.
    pub(crate) conflicts: Vec<(StatusRange, Catcher, Catcher)>,
}

impl StatusCatches {
    /// The variants of `variants` with `catch = "status"` (not delegating), by status.
    pub(crate) fn of(variants: &[Variant<'_>]) -> StatusCatches {
        let mut table = StatusCatches {
            exact: BTreeMap::new(),
            class: BTreeMap::new(),
            conflicts: Vec::new(),
        };
        for (position, variant) in variants.iter().enumerate() {
            if variant.delegates() {
                continue;
            }
            let Some(catch) = &variant.attrs.catch else {
                continue;
            };
            let Some((_, span)) = catch.value.iter().find(|(k, _)| k.name == STATUS) else {
                continue;
            };
            let catcher = Catcher {
                position,
                span: *span,
            };
            let declared = StatusRange::Exact(variant.status());
            for range in std::iter::once(declared).chain(variant.run_time_statuses()) {
                let (map, key) = match range {
                    StatusRange::Exact(status) => (&mut table.exact, status),
                    StatusRange::Class(class) => (&mut table.class, class),
                };
                match map.get(&key) {
                    // Its own declared status listed again: reported by itself.
                    Some(first) if first.position == position => {}
                    Some(first) => table.conflicts.push((range, *first, catcher)),
                    None => {
                        map.insert(key, catcher);
                    }
                }
            }
        }
        table
    }

    /// Whether every status of `class` (4 or 5) is answered with that status.
    pub(crate) fn covers(&self, class: u16) -> bool {
        self.class.contains_key(&class)
            || (class * 100..class * 100 + 100).all(|s| self.exact.contains_key(&s))
    }

    /// The variant that answers a failure of `status`, keeping it.
    pub(crate) fn answer(&self, status: u16) -> Option<Catcher> {
        self.exact
            .get(&status)
            .or_else(|| self.class.get(&(status / 100)))
            .copied()
    }
}
