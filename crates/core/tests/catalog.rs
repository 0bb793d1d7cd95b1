//! The catalog against the regulations and the locales: the 24 entries are all there under
//! their official names, in both languages; everything the catalog references exists; every
//! message it needs is translated; and the integrity check does catch a broken catalog.

use fluent_syntax::ast;
use otinish_core::catalog::{
    self, ApplicantType, Catalog, Fee, ServiceKind, SubCase, integrity, messages,
};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The 24 service-and-provider entries of the five regulations, with the official Russian name.
const ENTRIES: [(&str, &str, &str); 24] = [
    (
        "narcotics-activity-licence",
        "mvd",
        "Выдача лицензии на деятельность, связанную с оборотом наркотических средств, психотропных веществ и прекурсоров",
    ),
    (
        "narcotics-export-import-licence",
        "mvd",
        "Выдача лицензии на экспорт и импорт товаров, содержащих наркотические средства, психотропные вещества и прекурсоры",
    ),
    (
        "narcotics-import-export-transit-permit",
        "mvd",
        "Выдача разрешения на ввоз, вывоз и транзит наркотических средств, психотропных веществ и прекурсоров",
    ),
    (
        "medical-licence",
        "vko-health",
        "Выдача лицензии, переоформление, выдача дубликатов лицензии на медицинскую деятельность",
    ),
    (
        "pharmaceutical-licence",
        "vko-health",
        "Выдача лицензий, переоформление, выдача дубликатов лицензии на фармацевтическую деятельность",
    ),
    (
        "health-narcotics-licence",
        "vko-health",
        "Выдача лицензий, переоформление, выдача дубликатов лицензии на деятельность, связанную с оборотом наркотических средств, психотропных веществ и прекурсоров в области здравоохранения",
    ),
    (
        "mining-chemical-licence",
        "mint-industry-committee",
        "Выдача лицензии, переоформление, выдача дубликатов лицензии на осуществление деятельности по проектированию (технологическое) и (или) эксплуатации (разведка, добыча полезных ископаемых) горных, химических производств",
    ),
    (
        "controlled-transit-permit",
        "mint-industry-committee",
        "Выдача разрешения на транзит продукции, подлежащей экспортному контролю",
    ),
    (
        "poisons-licence",
        "mint-industry-committee",
        "Выдача лицензии, переоформление, выдача дубликатов лицензии на осуществление деятельности по производству, переработке, приобретению, хранению, реализации, использованию, уничтожению ядов",
    ),
    (
        "arms-licence",
        "mint-industry-committee",
        "Выдача лицензии, переоформление, выдача дубликатов лицензии на осуществление вида деятельности по разработке, производству, ремонту, приобретению и реализации боеприпасов, вооружения и военной техники",
    ),
    (
        "explosives-licence",
        "mint-industry-committee",
        "Выдача лицензии, переоформление, выдача дубликатов лицензии на осуществление деятельности по разработке, производству, приобретению и реализации взрывчатых и пиротехнических веществ и изделий с их применением",
    ),
    (
        "munitions-disposal-licence",
        "mint-industry-committee",
        "Выдача лицензии, переоформление, выдача дубликатов лицензии на осуществление деятельности по ликвидации (уничтожению, утилизации, захоронению) и переработке высвобождаемых боеприпасов, вооружений, военной техники, специальных средств",
    ),
    (
        "export-import-licence",
        "mint-industry-committee",
        "Выдача лицензии, переоформление, выдача дубликатов лицензии на экспорт и импорт товаров, в том числе продукции, подлежащей экспортному контролю",
    ),
    (
        "processing-abroad-permit",
        "mint-industry-committee",
        "Выдача разрешения на переработку продукции вне территории Республики Казахстан",
    ),
    (
        "end-user-certificate",
        "mint-industry-committee",
        "Выдача гарантийного обязательства (сертификата конечного пользователя)",
    ),
    (
        "export-control-conclusion",
        "mint-industry-committee",
        "Выдача заключения об отнесении товаров, технологий, работ, услуг, информации к продукции, подлежащей экспортному контролю",
    ),
    (
        "pharmaceutical-licence",
        "sko-health",
        "Выдача лицензий, переоформление, выдача дубликатов лицензии на фармацевтическую деятельность",
    ),
    (
        "health-narcotics-licence",
        "sko-health",
        "Выдача лицензий, переоформление, выдача дубликатов лицензии на деятельность, связанную с оборотом наркотических средств, психотропных веществ и прекурсоров в области здравоохранения",
    ),
    (
        "medical-licence",
        "almaty-economy",
        "Выдача лицензии, переоформление, выдача дубликатов лицензии на медицинскую деятельность",
    ),
    (
        "pharmaceutical-licence",
        "almaty-economy",
        "Выдача лицензий, переоформление, выдача дубликатов лицензии на фармацевтическую деятельность",
    ),
    (
        "health-narcotics-licence",
        "almaty-economy",
        "Выдача лицензий, переоформление, выдача дубликатов лицензии на деятельность, связанную с оборотом наркотических средств, психотропных веществ и прекурсоров в области здравоохранения",
    ),
    (
        "scrap-metal-licence",
        "almaty-economy",
        "Выдача лицензии, переоформление, выдача дубликатов лицензии на осуществление деятельности по сбору (заготовке), хранению, переработке и реализации юридическими лицами лома и отходов цветных и черных металлов",
    ),
    (
        "pesticides-licence",
        "almaty-economy",
        "Выдача лицензии, переоформление, выдача дубликатов лицензии на осуществление деятельности по производству (формуляции) пестицидов (ядохимикатов), реализации пестицидов (ядохимикатов), применению пестицидов (ядохимикатов) аэрозольным и фумигационным способами",
    ),
    (
        "cotton-warehouse-licence",
        "almaty-economy",
        "Выдача лицензии, переоформление, выдача дубликатов лицензии на оказание услуг по складской деятельности с выдачей хлопковых расписок",
    ),
];

/// Message id → (value, attribute names) for every `.ftl` file of a locale.
fn locale(lang: &str) -> BTreeMap<String, (String, BTreeSet<String>)> {
    let mut messages = BTreeMap::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../locales")
        .join(lang);
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("locale folder") {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            let resource = fluent_syntax::parser::parse(source.as_str())
                .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
            for entry in resource.body {
                if let ast::Entry::Message(message) = entry {
                    let value = message
                        .value
                        .map(|pattern| {
                            pattern
                                .elements
                                .iter()
                                .map(|e| match e {
                                    ast::PatternElement::TextElement { value } => value.to_string(),
                                    ast::PatternElement::Placeable { .. } => "{…}".to_string(),
                                })
                                .collect::<String>()
                        })
                        .unwrap_or_default();
                    let attributes = message
                        .attributes
                        .iter()
                        .map(|a| a.id.name.to_string())
                        .collect();
                    messages.insert(message.id.name.to_string(), (value, attributes));
                }
            }
        }
    }
    messages
}

#[test]
fn all_24_entries_are_in_the_catalog_under_their_official_names_in_both_languages() {
    let catalog = catalog::catalog();
    let (ru, kk) = (locale("ru"), locale("kk"));
    let mut entries = 0;
    for (service_id, provider, official_name) in ENTRIES {
        let service = catalog
            .service(service_id)
            .unwrap_or_else(|| panic!("no service {service_id}"));
        assert!(
            service.provision(provider).is_some(),
            "{service_id} is not rendered by {provider}"
        );
        let id = messages::service_name(service_id);
        let russian = &ru.get(&id).unwrap_or_else(|| panic!("no ru {id}")).0;
        assert!(
            russian.starts_with(official_name),
            "{id}: {russian:?} is not the official name {official_name:?}"
        );
        let kazakh = &kk.get(&id).unwrap_or_else(|| panic!("no kk {id}")).0;
        assert!(
            !kazakh.is_empty() && kazakh != russian,
            "{id} has no Kazakh name"
        );
        // Official Kazakh service names end in a verbal noun: «… беру», «… қайта ресімдеу, … беру».
        assert!(
            kazakh.trim_end().ends_with("беру"),
            "{id}: {kazakh:?} reads unlike an official Kazakh name"
        );
        entries += 1;
    }
    let total: usize = catalog.services.iter().map(|s| s.provisions.len()).sum();
    assert_eq!((entries, total, catalog.services.len()), (24, 24, 19));
}

#[test]
fn the_compiled_catalog_passes_the_integrity_check() {
    let problems = integrity::check(catalog::catalog());
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_message_the_catalog_uses_exists_in_both_locales() {
    let catalog = catalog::catalog();
    for lang in ["ru", "kk"] {
        let messages = locale(lang);
        let missing: Vec<String> = messages::all(catalog)
            .into_iter()
            .filter(|id| !messages.contains_key(id))
            .collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:#?}");
    }
}

#[test]
fn every_deadline_step_and_document_has_a_source_and_exists() {
    let catalog = catalog::catalog();
    for service in &catalog.services {
        for provision in &service.provisions {
            for deadline in &provision.deadlines {
                assert!(
                    !deadline.source.trim().is_empty(),
                    "{}: a deadline without source",
                    service.id
                );
            }
            for step in &provision.steps {
                assert!(
                    !step.source.trim().is_empty(),
                    "{}: a step without source",
                    service.id
                );
            }
            for requirement in &provision.documents {
                assert!(
                    catalog.document(&requirement.document).is_some(),
                    "{}: {}",
                    service.id,
                    requirement.document
                );
            }
        }
        for page in &service.pages {
            for field in &page.fields {
                assert!(
                    catalog.field(field).is_some(),
                    "{}: field {field}",
                    service.id
                );
            }
        }
    }
}

#[test]
fn only_licences_with_a_sourced_rate_carry_a_fee_and_the_others_say_why() {
    for service in &catalog::catalog().services {
        match &service.fee {
            Fee::LicenceFee { rate_mrp, .. } => {
                assert_eq!(service.kind, ServiceKind::Licence, "{}", service.id);
                assert!(
                    [
                        "medical-licence",
                        "pesticides-licence",
                        "mining-chemical-licence"
                    ]
                    .contains(&service.id.as_str()),
                    "{} has a licence-fee rate ({rate_mrp} МРП) that no source verifies",
                    service.id
                );
            }
            Fee::None { .. } => assert_ne!(
                service.kind,
                ServiceKind::Licence,
                "{} is a licence without a fee",
                service.id
            ),
            Fee::Unknown { .. } => {}
            Fee::DueUnsourced { .. } => assert_eq!(
                service.kind,
                ServiceKind::Licence,
                "{}: only the licence fee is known to be due without its rate",
                service.id
            ),
        }
    }
}

fn broken(edit: impl FnOnce(&mut Catalog)) -> Vec<String> {
    let mut catalog = catalog::catalog().clone();
    edit(&mut catalog);
    integrity::check(&catalog)
}

#[test]
fn a_fee_without_a_rate_offers_a_receipt_slot_and_no_other_does() {
    let unsourced = |c: &Catalog| {
        c.services
            .iter()
            .position(|s| matches!(s.fee, Fee::DueUnsourced { .. }))
            .expect("the catalog has a fee without a sourced rate")
    };
    let problems = broken(|c| {
        let i = unsourced(c);
        c.services[i].provisions[0]
            .documents
            .retain(|r| r.document != "fee-receipt");
    });
    assert!(
        problems
            .iter()
            .any(|p| p.contains("optional `fee-receipt`")),
        "{problems:?}"
    );
    let problems = broken(|c| {
        let i = unsourced(c);
        c.services[i].fee = Fee::Unknown {
            source: "test".into(),
        };
    });
    assert!(
        problems
            .iter()
            .any(|p| p.contains("optional `fee-receipt`")),
        "{problems:?}"
    );
}

#[test]
fn the_integrity_check_catches_each_kind_of_inconsistency() {
    let problems = broken(|c| c.services[0].provisions[0].provider = "nobody".into());
    assert!(
        problems
            .iter()
            .any(|p| p.contains("provider `nobody` is not defined")),
        "{problems:?}"
    );

    let problems = broken(|c| c.services[0].provisions[0].deadlines.clear());
    assert!(
        problems.iter().any(|p| p.contains("has 0 deadlines")),
        "{problems:?}"
    );

    let problems = broken(|c| c.services[0].provisions[0].steps[0].source = " ".into());
    assert!(
        problems.iter().any(|p| p.contains("has no source")),
        "{problems:?}"
    );

    let problems = broken(|c| {
        c.services[0].pages.push(catalog::Page {
            id: "x".into(),
            fields: vec!["no-such-field".into()],
            sub_cases: vec![],
            applicants: vec![],
            repeat: None,
            source: "test".into(),
        })
    });
    assert!(
        problems
            .iter()
            .any(|p| p.contains("`no-such-field`, which is not defined")),
        "{problems:?}"
    );

    let problems = broken(|c| {
        let service = c
            .services
            .iter_mut()
            .find(|s| s.sub_cases.len() == 1)
            .expect("a single-sub-case service");
        service.provisions[0].steps[0].sub_cases = vec![SubCase::Duplicate];
    });
    assert!(
        problems
            .iter()
            .any(|p| p.contains("names sub-case Duplicate")),
        "{problems:?}"
    );

    let problems = broken(|c| {
        let service = c
            .services
            .iter_mut()
            .find(|s| s.applicants.len() == 1)
            .expect("a service for one applicant type");
        let other = match service.applicants[0] {
            ApplicantType::Individual => ApplicantType::LegalEntity,
            ApplicantType::LegalEntity => ApplicantType::Individual,
        };
        service.provisions[0]
            .documents
            .push(catalog::DocumentRequirement {
                document: "qualification-form".into(),
                sub_cases: vec![],
                applicants: vec![other],
                channels: vec![],
                supplied_by: catalog::Supplier::Applicant,
                required: true,
                source: "test".into(),
            });
    });
    assert!(
        problems.iter().any(|p| p.contains("who cannot apply")),
        "{problems:?}"
    );
}
