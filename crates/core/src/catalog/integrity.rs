//! Merging the catalog files and checking that they hold together.
//!
//! Shared by `build.rs` (which refuses an inconsistent catalog) and the tests. The problems
//! are written for the content designers who edit the TOML, so they name the service,
//! the provider and the item at fault.

use super::model::*;
use std::collections::{HashMap, HashSet};

/// Merges the files into one catalog. Fails when two files declare the same id.
pub fn merge(files: Vec<(String, CatalogFile)>) -> Result<Catalog, Vec<String>> {
    let mut catalog = Catalog::default();
    let mut seen: HashMap<(String, &'static str), String> = HashMap::new();
    let mut problems = Vec::new();
    let mut claim = |kind: &'static str, id: &str, file: &str| {
        if let Some(first) = seen.insert((id.to_string(), kind), file.to_string()) {
            problems.push(format!(
                "{kind} `{id}` is declared in both {first} and {file}"
            ));
        }
    };
    for (name, file) in files {
        for provider in file.providers {
            claim("provider", &provider.id, &name);
            catalog.providers.push(provider);
        }
        for act in file.acts {
            claim("act", &act.id, &name);
            catalog.acts.push(act);
        }
        for document in file.documents {
            claim("document", &document.id, &name);
            catalog.documents.push(document);
        }
        for field in file.fields {
            claim("field", &field.id, &name);
            catalog.fields.push(field);
        }
        if let Some(service) = file.service {
            claim("service", &service.id, &name);
            catalog.services.push(service);
        }
    }
    if problems.is_empty() {
        Ok(catalog)
    } else {
        Err(problems)
    }
}

/// Every inconsistency in the catalog; empty when it holds together.
pub fn check(catalog: &Catalog) -> Vec<String> {
    let mut problems = Vec::new();
    let providers: HashSet<&str> = catalog.providers.iter().map(|p| p.id.as_str()).collect();
    let acts: HashSet<&str> = catalog.acts.iter().map(|a| a.id.as_str()).collect();
    let documents: HashSet<&str> = catalog.documents.iter().map(|d| d.id.as_str()).collect();
    let fields: HashMap<&str, &Field> = catalog.fields.iter().map(|f| (f.id.as_str(), f)).collect();

    let ids = catalog
        .providers
        .iter()
        .map(|p| &p.id)
        .chain(catalog.acts.iter().map(|a| &a.id));
    let ids = ids
        .chain(catalog.documents.iter().map(|d| &d.id))
        .chain(catalog.fields.iter().map(|f| &f.id));
    for id in ids.chain(catalog.services.iter().map(|s| &s.id)) {
        if !is_kebab_id(id) {
            problems.push(format!(
                "`{id}` is not a valid id: use lower-case latin letters, digits and hyphens"
            ));
        }
    }
    for provider in &catalog.providers {
        require_source(
            &mut problems,
            &format!("provider `{}`", provider.id),
            &provider.source,
        );
    }
    for act in &catalog.acts {
        let what = format!("act `{}`", act.id);
        require_source(&mut problems, &what, &act.source);
        require_date(&mut problems, &what, &act.date);
        if let Some(registration) = &act.registration {
            require_date(
                &mut problems,
                &format!("{what} registration"),
                &registration.date,
            );
        }
        if let Some(repeal) = &act.repealed_by {
            require_date(&mut problems, &format!("{what} repeal"), &repeal.date);
        }
    }
    for document in &catalog.documents {
        if document.types.is_empty() || document.max_mb == 0 {
            problems.push(format!(
                "document `{}` must accept at least one type and some size",
                document.id
            ));
        }
    }
    for field in &catalog.fields {
        let takes_options = matches!(
            field.kind,
            FieldKind::Select | FieldKind::Radio | FieldKind::Checkboxes
        );
        if takes_options && field.options.len() < 2 {
            problems.push(format!("field `{}` needs at least two options", field.id));
        }
        if !takes_options && !field.options.is_empty() {
            problems.push(format!(
                "field `{}` is not a choice but lists options",
                field.id
            ));
        }
        if field.date_rule.is_some() && field.kind != FieldKind::Date {
            problems.push(format!(
                "field `{}` has a date rule but is not a date",
                field.id
            ));
        }
    }

    for service in &catalog.services {
        check_service(
            &mut problems,
            service,
            &providers,
            &acts,
            &documents,
            &fields,
        );
    }
    problems
}

fn check_service(
    problems: &mut Vec<String>,
    service: &Service,
    providers: &HashSet<&str>,
    acts: &HashSet<&str>,
    documents: &HashSet<&str>,
    fields: &HashMap<&str, &Field>,
) {
    let name = format!("service `{}`", service.id);
    require_source(
        problems,
        &format!("{name} applicants"),
        &service.applicants_source,
    );
    if service.applicants.is_empty()
        || service.sub_cases.is_empty()
        || service.provisions.is_empty()
    {
        problems.push(format!(
            "{name} needs applicants, sub-cases and at least one provider"
        ));
    }
    if !service.targets.is_empty() && service.kind != ServiceKind::Licence {
        problems.push(format!("{name}: only licences have a licence/annex target"));
    }
    match &service.fee {
        Fee::LicenceFee { rate_mrp, source } => {
            require_source(problems, &format!("{name} fee"), source);
            if service.kind != ServiceKind::Licence || *rate_mrp == 0 {
                problems.push(format!(
                    "{name}: the licence fee applies to licences, with a positive rate"
                ));
            }
        }
        Fee::None { source } | Fee::Unknown { source } => {
            require_source(problems, &format!("{name} fee"), source)
        }
        Fee::DueUnsourced { source } => {
            require_source(problems, &format!("{name} fee"), source);
            if service.kind != ServiceKind::Licence {
                problems.push(format!("{name}: only a licence fee is due unsourced"));
            }
        }
    }
    // A fee whose rate no source gives may be settled by a receipt of a payment made
    // elsewhere: every provider then offers the receipt's slot, optional (paying through
    // the gateway is the other way), and no other service has one.
    let receipt_offered = matches!(service.fee, Fee::DueUnsourced { .. });
    for provision in &service.provisions {
        let receipts: Vec<_> = provision
            .documents
            .iter()
            .filter(|r| r.document == RECEIPT_DOCUMENT)
            .collect();
        let fits = match receipts.as_slice() {
            [] => !receipt_offered,
            [receipt] => {
                receipt_offered
                    && !receipt.required
                    && receipt.supplied_by == Supplier::Applicant
                    && receipt.sub_cases.is_empty()
                    && receipt.applicants.is_empty()
            }
            _ => false,
        };
        if !fits {
            problems.push(format!(
                "{name}, {}: a fee whose rate no source gives has one optional `{}` slot the applicant attaches, for every sub-case; no other fee has one",
                provision.provider,
                RECEIPT_DOCUMENT
            ));
        }
    }
    if service.kk_name == NameStatus::Official {
        require_source(
            problems,
            &format!("{name} official Kazakh name"),
            &service.kk_name_source,
        );
    }
    let within_sub_cases = |problems: &mut Vec<String>, what: &str, list: &[SubCase]| {
        for sub_case in list {
            if !service.sub_cases.contains(sub_case) {
                problems.push(format!(
                    "{name}: {what} names sub-case {sub_case:?}, which the service does not have"
                ));
            }
        }
    };

    for page in &service.pages {
        let what = format!("page `{}`", page.id);
        require_source(problems, &format!("{name} {what}"), &page.source);
        within_sub_cases(problems, &what, &page.sub_cases);
        if page.fields.is_empty() {
            problems.push(format!("{name}: {what} has no fields"));
        }
        for field_id in &page.fields {
            match fields.get(field_id.as_str()) {
                None => problems.push(format!(
                    "{name}: {what} uses field `{field_id}`, which is not defined"
                )),
                Some(field) => {
                    if let Some(condition) = &field.when
                        && !page.fields.contains(&condition.field)
                    {
                        problems.push(format!(
                            "{name}: field `{field_id}` depends on `{}`, which is not on {what}",
                            condition.field
                        ));
                    }
                }
            }
        }
        if let Some(repeat) = &page.repeat
            && (repeat.min > repeat.max || repeat.max == 0)
        {
            problems.push(format!(
                "{name}: {what} repeats between {} and {} times",
                repeat.min, repeat.max
            ));
        }
    }

    let mut seen_providers = HashSet::new();
    for provision in &service.provisions {
        let here = format!("{name} at `{}`", provision.provider);
        if !seen_providers.insert(provision.provider.as_str()) {
            problems.push(format!("{here}: the provider is listed twice"));
        }
        if !providers.contains(provision.provider.as_str()) {
            problems.push(format!(
                "{here}: provider `{}` is not defined",
                provision.provider
            ));
        }
        for act in [&provision.regulation, &provision.standard] {
            if !acts.contains(act.as_str()) {
                problems.push(format!("{here}: act `{act}` is not defined"));
            }
        }
        for applicant in &provision.applicants {
            if !service.applicants.contains(applicant) {
                problems.push(format!(
                    "{here}: {applicant:?} may apply here but not to the service"
                ));
            }
        }
        if !provision.applicants.is_empty()
            && provision
                .applicants_source
                .as_deref()
                .is_none_or(|s| s.trim().is_empty())
        {
            problems.push(format!(
                "{here}: the narrower list of applicants has no source"
            ));
        }
        if provision.channels.is_empty() {
            problems.push(format!("{here}: no channel"));
        }
        if provision.result_note {
            require_source(
                problems,
                &format!("{here} result note"),
                &provision.result_note_source,
            );
        }
        require_source(
            problems,
            &format!("{here} channels"),
            &provision.channels_source,
        );
        require_source(
            problems,
            &format!("{here} document list"),
            &provision.document_list_source,
        );

        for sub_case in &service.sub_cases {
            let covering = provision
                .deadlines
                .iter()
                .filter(|d| d.sub_cases.contains(sub_case))
                .count();
            if covering != 1 {
                problems.push(format!(
                    "{here}: sub-case {sub_case:?} has {covering} deadlines, it needs exactly one"
                ));
            }
            if !provision
                .steps
                .iter()
                .any(|s| applies(&s.sub_cases, sub_case))
            {
                problems.push(format!(
                    "{here}: sub-case {sub_case:?} has no processing step"
                ));
            }
        }
        for deadline in &provision.deadlines {
            require_source(problems, &format!("{here} deadline"), &deadline.source);
            within_sub_cases(problems, "a deadline", &deadline.sub_cases);
            if deadline.term.is_some_and(|t| t.amount == 0) {
                problems.push(format!("{here}: a deadline of zero"));
            }
        }
        for step in &provision.steps {
            require_source(
                problems,
                &format!("{here} step {:?}", step.action),
                &step.source,
            );
            within_sub_cases(problems, "a step", &step.sub_cases);
            if let Some(outer) = step.included_in {
                let overlaps = |other: &Step| {
                    other.action == outer
                        && other.term.is_some()
                        && (step.sub_cases.is_empty()
                            || other.sub_cases.is_empty()
                            || step.sub_cases.iter().any(|s| other.sub_cases.contains(s)))
                };
                if !provision.steps.iter().any(overlaps) {
                    problems.push(format!(
                        "{here}: step {:?} is included in {outer:?}, which has no term here",
                        step.action
                    ));
                }
            }
        }
        for sub_case in &service.sub_cases {
            check_steps_fit_deadline(problems, &here, provision, *sub_case);
        }
        for requirement in &provision.documents {
            let what = format!("document `{}`", requirement.document);
            if !documents.contains(requirement.document.as_str()) {
                problems.push(format!("{here}: {what} is not defined"));
            }
            require_source(problems, &format!("{here} {what}"), &requirement.source);
            within_sub_cases(problems, &what, &requirement.sub_cases);
            for applicant in &requirement.applicants {
                if !service.applicants.contains(applicant) {
                    problems.push(format!(
                        "{here}: {what} is for {applicant:?}, who cannot apply"
                    ));
                }
            }
        }
    }
}

/// The days of the steps on the way to the result, counted one after the other, must not
/// exceed the overall term: a step whose term is included in another's, or that only leads
/// to a refusal, does not count. Terms in minutes and hours are parts of a working day and
/// are left out of the sum (the regulations list them beside day terms on the same day).
fn check_steps_fit_deadline(
    problems: &mut Vec<String>,
    here: &str,
    provision: &Provision,
    sub_case: SubCase,
) {
    let Some(total) = provision
        .deadlines
        .iter()
        .find(|d| d.sub_cases.contains(&sub_case))
        .and_then(|d| d.term)
    else {
        return;
    };
    let days: u32 = provision
        .steps
        .iter()
        .filter(|s| applies(&s.sub_cases, &sub_case) && s.adds_to_total())
        .filter_map(|s| s.term)
        .filter(|t| t.unit == total.unit)
        .map(|t| t.amount)
        .sum();
    if days > total.amount {
        problems.push(format!(
            "{here}: for {sub_case:?} the steps add up to {days} {:?}, more than the overall {} \
             (mark a term the regulation includes in another's with `included_in`, and a \
             refusal-only step with `branch = \"refusal\"`)",
            total.unit, total.amount
        ));
    }
}

/// A source must let a reader find the fact: it cites the act (issuer, number, date, annex,
/// paragraph), never a research note or a line of a text file outside the repository.
fn require_source(problems: &mut Vec<String>, what: &str, source: &str) {
    if source.trim().is_empty() {
        problems.push(format!("{what} has no source"));
    }
    if let Some(pointer) = outside_pointer(source) {
        problems.push(format!(
            "{what}: the source points outside the repository ({pointer}); cite the act"
        ));
    }
}

/// The first pointer to a file outside the repository in a source: a research note or
/// seed file, or a line number of one (`L123`).
fn outside_pointer(source: &str) -> Option<&'static str> {
    const FILES: [&str; 6] = [
        "standards.md",
        "anchors.md",
        "seed 0",
        "seeds/",
        "shared/",
        ".txt",
    ];
    if let Some(file) = FILES.iter().find(|f| source.contains(**f)) {
        return Some(*file);
    }
    let bytes = source.as_bytes();
    let line_ref = bytes.windows(2).enumerate().any(|(i, w)| {
        w[0] == b'L' && w[1].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
    });
    line_ref.then_some("a line number")
}

/// `YYYY-MM-DD` with a plausible month and day; enough to catch typos in hand-written data.
fn require_date(problems: &mut Vec<String>, what: &str, date: &str) {
    let parts: Vec<&str> = date.split('-').collect();
    let plausible = match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            matches!(
                (m.parse::<u32>(), d.parse::<u32>()),
                (Ok(1..=12), Ok(1..=31))
            ) && y.parse::<u32>().is_ok()
        }
        _ => false,
    };
    if !plausible {
        problems.push(format!("{what}: `{date}` is not a date written YYYY-MM-DD"));
    }
}

fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
