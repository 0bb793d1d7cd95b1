//! The result document the backend makes itself: the licence, permit, certificate or
//! conclusion when an application is issued in test mode, and the reasoned refusal when one
//! is refused without a letter uploaded.
//!
//! One A4 page of PDF. The field labels are ASCII in a standard font; the values (the
//! holder from the registry, the service and provider in Kazakh and Russian from the app's
//! texts, the number, the dates, the refusal's code and the officer's words) are drawn in
//! DejaVu Sans, embedded as a subset, which has every Kazakh letter.

mod font;
mod names;
mod pdf;

use names::LANGUAGES;
use otinish_core::api::{Reason, Time};
use otinish_core::catalog::ServiceKind;
use pdf::{Label, PAGE_HEIGHT, PAGE_WIDTH, Page};

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
const BOTTOM: f32 = 72.0;

/// The PDF, or `None` if the embedded font cannot be read (a broken build, not bad input).
pub fn render(document: &ResultDocument<'_>) -> Option<Vec<u8>> {
    let font = font::dejavu_sans()?;
    let mut page = Page::new(font);
    let mut y = PAGE_HEIGHT - MARGIN;
    if document.test_mode {
        page.label(
            MARGIN,
            y,
            LABEL_SIZE,
            Label::Bold,
            "TEST MODE - NO LEGAL EFFECT",
        );
        y -= 28.0;
    }
    let title = match document.outcome {
        Outcome::Issued { .. } => match document.kind {
            ServiceKind::Licence => "LICENCE",
            ServiceKind::Permit => "PERMIT",
            ServiceKind::Certificate => "CERTIFICATE",
            ServiceKind::Conclusion => "CONCLUSION",
        },
        Outcome::Refused { .. } => "REASONED REFUSAL",
    };
    page.label(MARGIN, y, 20.0, Label::Bold, title);
    y -= 24.0;
    if let Outcome::Issued { .. } = document.outcome {
        let mut kinds: Vec<String> = LANGUAGES
            .iter()
            .map(|language| names::kind(*language, document.kind))
            .collect();
        kinds.dedup();
        page.text(MARGIN, y, 14.0, &kinds.join(" / "));
        y -= 10.0;
    }
    page.rule(MARGIN, y, PAGE_WIDTH - 2.0 * MARGIN);
    y -= 26.0;

    let in_both = |name: fn(names::Language, &str) -> String, id: &str| -> Vec<String> {
        LANGUAGES
            .iter()
            .map(|language| name(*language, id))
            .collect()
    };
    let date = document.at.date_naive().format("%Y-%m-%d").to_string();
    let mut fields: Vec<(&str, Vec<String>)> = Vec::new();
    match document.outcome {
        Outcome::Issued { number } => {
            fields.push(("Number", vec![number.to_string()]));
            fields.push(("Date of issue", vec![date]));
            fields.push(("Holder", vec![document.holder.name.clone()]));
            fields.push(("IIN / BIN", vec![document.holder.iin_bin.clone()]));
            let activity = if document.kind == ServiceKind::Licence {
                "Activity"
            } else {
                "Subject"
            };
            fields.push((activity, in_both(names::service, document.service)));
            fields.push(("Issued by", in_both(names::provider, document.provider)));
            fields.push(("Application", vec![document.reference.to_string()]));
        }
        Outcome::Refused { reason } => {
            fields.push(("Date", vec![date]));
            fields.push(("Applicant", vec![document.holder.name.clone()]));
            fields.push(("IIN / BIN", vec![document.holder.iin_bin.clone()]));
            fields.push(("Service", in_both(names::service, document.service)));
            fields.push(("Provider", in_both(names::provider, document.provider)));
            fields.push(("Application", vec![document.reference.to_string()]));
            fields.push(("Reason", vec![reason.code.clone()]));
            if let Some(comment) = &reason.comment {
                fields.push(("Comment", comment.lines().map(str::to_string).collect()));
            }
        }
    }
    let width = PAGE_WIDTH - MARGIN - VALUE_X;
    'fields: for (label, values) in fields {
        page.label(MARGIN, y, LABEL_SIZE, Label::Regular, label);
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
        y -= 8.0;
    }
    page.label(
        MARGIN,
        MARGIN - 16.0,
        7.0,
        Label::Regular,
        "Made by otinish-server, the reference backend of Otinish.",
    );
    let created = document
        .at
        .format("D:%Y%m%d%H%M%S%:z'")
        .to_string()
        .replace(':', "'");
    let title = format!("{title} {}", document.reference);
    Some(pdf::document(
        page,
        pdf::Info {
            title: &title,
            created,
        },
    ))
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

    #[test]
    fn a_licence_is_a_well_formed_pdf_with_its_values_in_the_embedded_font() {
        let holder = holder();
        let pdf = licence(&holder);
        check_structure(&pdf);
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("(LICENCE) Tj"));
        assert!(text.contains("(TEST MODE - NO LEGAL EFFECT) Tj"));
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
        assert!(text.contains("(REASONED REFUSAL) Tj"));
        assert!(!text.contains("TEST MODE"));
        assert!(text.contains("(Reason) Tj"));
        let ellipsis = font::dejavu_sans().unwrap().glyph('…');
        assert!(
            text.contains(&format!("<{ellipsis:04X}> Tj")),
            "a comment longer than the page is cut"
        );
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
