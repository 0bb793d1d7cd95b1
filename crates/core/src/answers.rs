//! Answers changed in two places at once: the applicant's browser, and the backend (another
//! tab or device saved since this browser last did). A three-way merge against the answers
//! both started from keeps every change made on either side; only an answer changed on both
//! sides to different values is a conflict, and the caller says which side wins and tells the
//! applicant, so that nothing is overwritten silently.

use crate::api::{AnswerValue, Answers, FieldAnswers, PageAnswers};
use std::collections::BTreeSet;

/// The merged answers and the pages where both sides changed the same answer differently
/// (there the browser's answer was kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub answers: Answers,
    pub conflicts: Vec<String>,
}

/// Merges `ours` (the browser's) and `theirs` (the backend's), both changed from `base`.
/// A page whose items were added or removed on both sides is merged as a whole.
pub fn merge(base: &Answers, ours: &Answers, theirs: &Answers) -> Merged {
    let pages: BTreeSet<&String> = base
        .keys()
        .chain(ours.keys())
        .chain(theirs.keys())
        .collect();
    let mut answers = Answers::new();
    let mut conflicts = Vec::new();
    for page in pages {
        let (b, o, t) = (base.get(page), ours.get(page), theirs.get(page));
        let (merged, conflict) = match (items(b), items(o), items(t)) {
            (b_items, o_items, t_items)
                if b_items.len() == o_items.len() && o_items.len() == t_items.len() =>
            {
                let mut conflict = false;
                let merged: Vec<FieldAnswers> = (0..o_items.len())
                    .map(|i| {
                        let (fields, clash) = merge_fields(&b_items[i], &o_items[i], &t_items[i]);
                        conflict |= clash;
                        fields
                    })
                    .collect();
                (shape(o.or(t), merged), conflict)
            }
            _ => pick(b, o, t),
        };
        if conflict {
            conflicts.push(page.clone());
        }
        if let Some(merged) = merged {
            answers.insert(page.clone(), merged);
        }
    }
    Merged { answers, conflicts }
}

/// The three-way choice for one value: the side that changed it, ours when both did.
fn pick<T: PartialEq + Clone>(
    base: Option<&T>,
    ours: Option<&T>,
    theirs: Option<&T>,
) -> (Option<T>, bool) {
    if ours == base {
        (theirs.cloned(), false)
    } else if theirs == base || theirs == ours {
        (ours.cloned(), false)
    } else {
        (ours.cloned(), true)
    }
}

fn merge_fields(
    base: &FieldAnswers,
    ours: &FieldAnswers,
    theirs: &FieldAnswers,
) -> (FieldAnswers, bool) {
    let fields: BTreeSet<&String> = base
        .keys()
        .chain(ours.keys())
        .chain(theirs.keys())
        .collect();
    let mut merged = FieldAnswers::new();
    let mut conflict = false;
    for field in fields {
        let (value, clash): (Option<AnswerValue>, bool) =
            pick(base.get(field), ours.get(field), theirs.get(field));
        conflict |= clash;
        if let Some(value) = value {
            merged.insert(field.clone(), value);
        }
    }
    (merged, conflict)
}

/// A page's items as a list; a page not answered has none.
fn items(page: Option<&PageAnswers>) -> Vec<FieldAnswers> {
    match page {
        Some(PageAnswers::Once(item)) => vec![item.clone()],
        Some(PageAnswers::Repeated(items)) => items.clone(),
        None => Vec::new(),
    }
}

/// The items back in the shape a side gave them; nothing when no side answered the page.
fn shape(like: Option<&PageAnswers>, mut items: Vec<FieldAnswers>) -> Option<PageAnswers> {
    match like? {
        PageAnswers::Once(_) if items.len() == 1 => items.pop().map(PageAnswers::Once),
        _ => Some(PageAnswers::Repeated(items)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pages: &[(&str, &[(&str, &str)])]) -> Answers {
        pages
            .iter()
            .map(|(page, fields)| {
                let fields = fields
                    .iter()
                    .map(|(f, v)| (f.to_string(), AnswerValue::Text(v.to_string())))
                    .collect();
                (page.to_string(), PageAnswers::Once(fields))
            })
            .collect()
    }

    #[test]
    fn changes_to_different_answers_are_both_kept() {
        let base = answers(&[("contacts", &[("phone", "1"), ("email", "a@b.kz")])]);
        let ours = answers(&[("contacts", &[("phone", "2"), ("email", "a@b.kz")])]);
        let theirs = answers(&[("contacts", &[("phone", "1"), ("email", "c@d.kz")])]);
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(
            merged.answers,
            answers(&[("contacts", &[("phone", "2"), ("email", "c@d.kz")])])
        );
        assert!(merged.conflicts.is_empty());
    }

    #[test]
    fn the_same_answer_changed_on_both_sides_keeps_ours_and_says_so() {
        let base = answers(&[("contacts", &[("phone", "1")])]);
        let ours = answers(&[("contacts", &[("phone", "2")])]);
        let theirs = answers(&[("contacts", &[("phone", "3")])]);
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.answers, ours);
        assert_eq!(merged.conflicts, vec!["contacts".to_string()]);
    }

    #[test]
    fn a_page_answered_only_elsewhere_arrives_and_a_removal_stays_removed() {
        let base = answers(&[("old", &[("x", "1")])]);
        let ours = answers(&[]);
        let theirs = answers(&[("old", &[("x", "1")]), ("new", &[("y", "2")])]);
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.answers, answers(&[("new", &[("y", "2")])]));
        assert!(merged.conflicts.is_empty());
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let base = answers(&[("p", &[("f", "1")])]);
        let both = answers(&[("p", &[("f", "2")])]);
        let merged = merge(&base, &both, &both);
        assert_eq!(merged.answers, both);
        assert!(merged.conflicts.is_empty());
    }

    #[test]
    fn repeated_pages_whose_items_changed_in_number_are_taken_whole() {
        let item =
            |v: &str| FieldAnswers::from([("name".to_string(), AnswerValue::Text(v.to_string()))]);
        let base = Answers::from([(
            "staff".to_string(),
            PageAnswers::Repeated(vec![item("a"), item("b")]),
        )]);
        let ours = base.clone();
        let theirs = Answers::from([(
            "staff".to_string(),
            PageAnswers::Repeated(vec![item("a"), item("b"), item("c")]),
        )]);
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.answers, theirs);
    }
}
