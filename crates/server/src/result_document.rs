//! The result document the backend makes itself: the licence, permit, certificate or
//! conclusion when an application is issued in test mode, and the reasoned refusal when one
//! is refused without a letter uploaded.
//!
//! One A4 page of PDF, in Kazakh and Russian one above the other (`names`: the app's own
//! texts): the labels, the service and provider, the date as people write it, the refusal's
//! reason in words (never its code) and the officer's own words. Drawn in DejaVu Sans,
//! embedded as a subset, which has every Kazakh letter.

mod font;
pub(crate) mod names;
mod pdf;

use names::LANGUAGES;
use otinish_core::api::{Reason, Time};
use otinish_core::catalog::ServiceKind;
use pdf::{PAGE_HEIGHT, PAGE_WIDTH, Page};

/// Who the document is for, as the registry knows them.
#[derive(Debug, Clone)]
pub struct Holder {
    pub name: String,
    pub iin_bin: String,
}

#[derive(Debug, Clone, Copy)]
pub enum Outcome<'a> {
    Issued { number: &'a str },
    Refused { reason: &'a Reason },
}

#[derive(Debug, Clone, Copy)]
pub struct ResultDocument<'a> {
    pub outcome: Outcome<'a>,
    pub kind: ServiceKind,
    pub service: &'a str,
    pub provider: &'a str,
    pub reference: &'a str,
    pub holder: &'a Holder,
    pub at: Time,
    /// Prints that the document has no legal effect.
    pub test_mode: bool,
}

/// The number a generated document carries: marked as a test, since only test mode makes
/// one, and derived from the application's reference so that it is unique.
pub fn test_document_number(reference: &str) -> String {
    format!("TEST-{reference}")
}

/// The file name the applicant downloads, e.g. `licence-HD3KM7PR.pdf`.
pub fn file_name(kind: Option<ServiceKind>, reference: &str, extension: &str) -> String {
    let what = kind.map_or("refusal".to_string(), |kind| {
        otinish_core::catalog::messages::key(&kind)
    });
    format!("{what}-{reference}.{extension}")
}

const MARGIN: f32 = 56.0;
const VALUE_X: f32 = 180.0;
const VALUE_SIZE: f32 = 11.0;
const LABEL_SIZE: f32 = 9.0;
const LINE: f32 = 15.0;
const LABEL_LINE: f32 = 11.0;
const BOTTOM: f32 = 72.0;

/// Every label the document prints, each a `result-document-…` message in both languages
/// (checked by `names`' tests).
#[cfg(test)]
const LABELS: [&str; 18] = [
    "result-document-test-mode",
    "result-document-refusal-title",
    "result-document-number",
    "result-document-issued-on",
    "result-document-holder",
    "result-document-iin-bin",
    "result-document-activity",
    "result-document-subject",
    "result-document-issued-by",
    "result-document-application",
    "result-document-date",
    "result-document-applicant",
    "result-document-service",
    "result-document-provider",
    "result-document-reason",
    "result-document-comment",
    "result-document-reason-unlisted",
    "result-document-made-by",
];

/// A text in both languages, the state language first; once when both say the same.
fn in_both(text: impl Fn(names::Language) -> String) -> Vec<String> {
    let mut texts: Vec<String> = LANGUAGES.iter().map(|language| text(*language)).collect();
    texts.dedup();
    texts
}

/// "указана…" as the first words of a line: «Указана…».
fn capitalised(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// The PDF, or `None` if the embedded font cannot be read (a broken build, not bad input).
pub fn render(document: &ResultDocument<'_>) -> Option<Vec<u8>> {
    let font = font::dejavu_sans()?;
    let mut page = Page::new(font);
    let mut y = PAGE_HEIGHT - MARGIN;
    let label = |id: &'static str| in_both(move |language| names::text(language, id));
    if document.test_mode {
        for line in label("result-document-test-mode") {
            page.text(MARGIN, y, LABEL_SIZE, &line);
            y -= LINE;
        }
        y -= 13.0;
    }
    let titles = match document.outcome {
        Outcome::Issued { .. } => in_both(|language| names::kind(language, document.kind)),
        Outcome::Refused { .. } => label("result-document-refusal-title"),
    };
    for title in &titles {
        page.text(MARGIN, y, 18.0, &title.to_uppercase());
        y -= 24.0;
    }
    page.rule(MARGIN, y + 10.0, PAGE_WIDTH - 2.0 * MARGIN);
    y -= 16.0;

    let date = in_both(|language| names::date(language, document.at.date_naive()));
    let service = in_both(|language| names::service(language, document.service));
    let provider = in_both(|language| names::provider(language, document.provider));
    let mut fields: Vec<(&str, Vec<String>)> = Vec::new();
    match document.outcome {
        Outcome::Issued { number } => {
            fields.push(("result-document-number", vec![number.to_string()]));
            fields.push(("result-document-issued-on", date));
            fields.push(("result-document-holder", vec![document.holder.name.clone()]));
            fields.push((
                "result-document-iin-bin",
                vec![document.holder.iin_bin.clone()],
            ));
            let activity = if document.kind == ServiceKind::Licence {
                "result-document-activity"
            } else {
                "result-document-subject"
            };
            fields.push((activity, service));
            fields.push(("result-document-issued-by", provider));
            fields.push((
                "result-document-application",
                vec![document.reference.to_string()],
            ));
        }
        Outcome::Refused { reason } => {
            fields.push(("result-document-date", date));
            fields.push((
                "result-document-applicant",
                vec![document.holder.name.clone()],
            ));
            fields.push((
                "result-document-iin-bin",
                vec![document.holder.iin_bin.clone()],
            ));
            fields.push(("result-document-service", service));
            fields.push(("result-document-provider", provider));
            fields.push((
                "result-document-application",
                vec![document.reference.to_string()],
            ));
            let words = in_both(|language| capitalised(names::reason(language, &reason.code)));
            fields.push(("result-document-reason", words));
            if let Some(comment) = &reason.comment {
                let lines = comment.lines().map(str::to_string).collect();
                fields.push(("result-document-comment", lines));
            }
        }
    }
    let label_width = VALUE_X - MARGIN - 8.0;
    let width = PAGE_WIDTH - MARGIN - VALUE_X;
    'fields: for (id, values) in fields {
        let mut label_y = y;
        let lines: Vec<String> = label(id)
            .iter()
            .flat_map(|text| wrap(font, text, LABEL_SIZE, label_width))
            .collect();
        for line in lines {
            page.text(MARGIN, label_y, LABEL_SIZE, &line);
            label_y -= LABEL_LINE;
        }
        for value in values {
            for line in wrap(page.font(), &value, VALUE_SIZE, width) {
                if y < BOTTOM {
                    page.text(VALUE_X, y + LINE, VALUE_SIZE, "…");
                    break 'fields;
                }
                page.text(VALUE_X, y, VALUE_SIZE, &line);
                y -= LINE;
            }
        }
        y = y.min(label_y) - 8.0;
    }
    let mut footer_y = MARGIN - 8.0;
    for line in label("result-document-made-by") {
        page.text(MARGIN, footer_y, 7.0, &line);
        footer_y -= 9.0;
    }
    let created = document
        .at
        .format("D:%Y%m%d%H%M%S%:z'")
        .to_string()
        .replace(':', "'");
    // The file's own title (its properties, the window's title bar) stays ASCII.
    let title = format!("{} {}", title_of(document), document.reference);
    Some(pdf::document(
        page,
        pdf::Info {
            title: &title,
            created,
        },
    ))
}

/// The document's title in its metadata: PDF strings here are ASCII.
fn title_of(document: &ResultDocument<'_>) -> &'static str {
    match document.outcome {
        Outcome::Issued { .. } => match document.kind {
            ServiceKind::Licence => "Licence",
            ServiceKind::Permit => "Permit",
            ServiceKind::Certificate => "Certificate",
            ServiceKind::Conclusion => "Conclusion",
        },
        Outcome::Refused { .. } => "Reasoned refusal",
    }
}

/// Greedy line breaking at spaces; a word longer than a line is cut where it overflows.
fn wrap(font: &font::Font, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if font.width(&candidate, size) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            line.push(c);
            if font.width(&line, size) > width {
                line.pop();
                lines.push(std::mem::take(&mut line));
                line.push(c);
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holder() -> Holder {
        Holder {
            name: "Сейтқали Әйгерім Нұрланқызы".into(),
            iin_bin: "061211600012".into(),
        }
    }

    fn at() -> Time {
        chrono::DateTime::parse_from_rfc3339("2026-02-20T16:00:00+05:00").unwrap()
    }

    fn licence(holder: &Holder) -> Vec<u8> {
        render(&ResultDocument {
            outcome: Outcome::Issued {
                number: "TEST-HD3KM7PR",
            },
            kind: ServiceKind::Licence,
            service: "medical-licence",
            provider: "vko-health",
            reference: "HD3KM7PR",
            holder,
            at: at(),
            test_mode: true,
        })
        .expect("the font is built in")
    }

    /// Every object the cross-reference table lists starts where it says.
    fn check_structure(pdf: &[u8]) {
        assert!(pdf.starts_with(b"%PDF-1.4\n"));
        assert!(pdf.ends_with(b"%%EOF\n"));
        let text = String::from_utf8_lossy(pdf);
        let startxref: usize = text
            .rsplit("startxref\n")
            .next()
            .and_then(|rest| rest.lines().next())
            .and_then(|n| n.parse().ok())
            .expect("startxref");
        assert!(pdf[startxref..].starts_with(b"xref\n0 13\n"));
        let table = String::from_utf8_lossy(&pdf[startxref..]);
        for (number, line) in table.lines().skip(3).take(12).enumerate() {
            let offset: usize = line[..10].parse().unwrap();
            let expected = format!("{} 0 obj\n", number + 1);
            assert!(
                pdf[offset..].starts_with(expected.as_bytes()),
                "object {}",
                number + 1
            );
            assert_eq!(line.len(), 19, "entries are 20 bytes with the newline");
        }
        let marker = b">>\nstream\n";
        let mut streams = 0;
        for start in (0..pdf.len() - marker.len()).filter(|i| pdf[*i..].starts_with(marker)) {
            let dictionary = String::from_utf8_lossy(&pdf[..start]);
            let length: usize = dictionary
                .rsplit("/Length ")
                .next()
                .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
                .and_then(|digits| digits.parse().ok())
                .expect("a stream has its length");
            let data = start + marker.len();
            assert!(pdf[data + length..].starts_with(b"\nendstream\n"));
            streams += 1;
        }
        assert_eq!(streams, 3, "content, ToUnicode and font");
    }

    /// Whether `text` is drawn, as one run, in the embedded font.
    fn drawn(pdf: &str, text: &str) -> bool {
        let font = font::dejavu_sans().unwrap();
        let codes: String = text
            .chars()
            .map(|c| format!("{:04X}", font.glyph(c)))
            .collect();
        pdf.contains(&format!("<{codes}> Tj"))
    }

    #[test]
    fn a_licence_is_a_well_formed_pdf_in_kazakh_and_russian() {
        let holder = holder();
        let pdf = licence(&holder);
        check_structure(&pdf);
        let text = String::from_utf8_lossy(&pdf);
        assert!(drawn(&text, "ЛИЦЕНЗИЯ"));
        assert!(drawn(&text, "Берілген күні"));
        assert!(drawn(&text, "Дата выдачи"));
        // Dates as people write them, in each language.
        assert!(drawn(&text, "2026 ж. 20 ақпан"));
        assert!(drawn(&text, "20 февраля 2026 г."));
        assert!(drawn(&text, "Медициналық қызметке лицензия"));
        assert!(drawn(&text, "Лицензия на медицинскую деятельность"));
        assert!(drawn(&text, "ТЕСТ РЕЖИМІ: ҚҰЖАТТЫҢ ЗАҢДЫ КҮШІ ЖОҚ"));
        assert!(!text.contains("2026-02-20"));
        assert!(text.contains("/Encoding /Identity-H"));
        assert!(text.contains("/FontFile2 11 0 R"));
        // The holder's Kazakh letters are drawn and can be copied back (Ә is U+04D8).
        let font = font::dejavu_sans().unwrap();
        let glyph = font.glyph('Ә');
        assert!(text.contains(&format!("<{glyph:04X}> <04D8>")));
        assert!(pdf.len() < 120_000, "{} bytes", pdf.len());
        assert_eq!(licence(&holder), pdf, "the same input makes the same file");
    }

    #[test]
    fn a_refusal_prints_the_reason_and_the_officers_words() {
        let holder = holder();
        let reason = Reason {
            code: "incomplete-package".into(),
            params: Default::default(),
            comment: Some("Не приложена форма сведений. ".repeat(200)),
        };
        let pdf = render(&ResultDocument {
            outcome: Outcome::Refused { reason: &reason },
            kind: ServiceKind::Permit,
            service: "controlled-transit-permit",
            provider: "mint-industry-committee",
            reference: "HD3KM7PR",
            holder: &holder,
            at: at(),
            test_mode: false,
        })
        .unwrap();
        check_structure(&pdf);
        let text = String::from_utf8_lossy(&pdf);
        assert!(drawn(&text, "МОТИВИРОВАННЫЙ ОТКАЗ"));
        assert!(drawn(&text, "ДӘЛЕЛДІ БАС ТАРТУ"));
        assert!(!drawn(&text, "ТЕСТ РЕЖИМІ: ҚҰЖАТТЫҢ ЗАҢДЫ КҮШІ ЖОҚ"));
        assert!(drawn(&text, "Причина отказа"));
        // The reason in words in both languages, never its code.
        assert!(drawn(&text, "Представлен неполный пакет документов"));
        assert!(drawn(&text, "Құжаттар топтамасы толық ұсынылмаған"));
        assert!(!drawn(&text, "incomplete-package"));
        let ellipsis = font::dejavu_sans().unwrap().glyph('…');
        assert!(
            text.contains(&format!("<{ellipsis:04X}> Tj")),
            "a comment longer than the page is cut"
        );
    }

    #[test]
    fn an_unknown_reason_is_never_printed_as_its_code() {
        let holder = holder();
        let reason = Reason {
            code: "documents-forged".into(),
            params: Default::default(),
            comment: Some("Печать на справке не совпадает с образцом.".into()),
        };
        let pdf = render(&ResultDocument {
            outcome: Outcome::Refused { reason: &reason },
            kind: ServiceKind::Licence,
            service: "medical-licence",
            provider: "vko-health",
            reference: "HD3KM7PR",
            holder: &holder,
            at: at(),
            test_mode: false,
        })
        .unwrap();
        let text = String::from_utf8_lossy(&pdf);
        assert!(!drawn(&text, "documents-forged"));
        assert!(drawn(&text, "Указана в пояснении услугодателя"));
        assert!(drawn(&text, "Печать на справке не совпадает с образцом."));
    }

    #[test]
    fn lines_break_at_spaces_and_long_words_are_cut() {
        let font = font::dejavu_sans().unwrap();
        let lines = wrap(font, "один два три четыре пять", 11.0, 60.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| font.width(l, 11.0) <= 60.0));
        assert_eq!(lines.join(" "), "один два три четыре пять");
        let long = wrap(font, &"Ә".repeat(100), 11.0, 60.0);
        assert!(long.len() > 1 && long.concat() == "Ә".repeat(100));
        assert_eq!(wrap(font, "", 11.0, 60.0), vec![String::new()]);
    }

    #[test]
    fn file_names_say_what_the_document_is() {
        assert_eq!(
            file_name(Some(ServiceKind::Licence), "HD3KM7PR", "pdf"),
            "licence-HD3KM7PR.pdf"
        );
        assert_eq!(file_name(None, "HD3KM7PR", "png"), "refusal-HD3KM7PR.png");
    }
}
