//! A one-page PDF 1.4, written by hand: every text in DejaVu Sans embedded as a subset (a
//! Type 0 font, `Identity-H`, whose two-byte codes are glyph ids), with a `ToUnicode` map so
//! that the text can be searched and copied.

use super::font::Font;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// A4 in points.
pub const PAGE_WIDTH: f32 = 595.0;
pub const PAGE_HEIGHT: f32 = 842.0;

/// What a page draws, in PDF content-stream operators.
pub struct Page {
    font: &'static Font,
    content: String,
    /// Each glyph drawn in the embedded font, and the character it was drawn for.
    glyphs: BTreeMap<u16, char>,
}

impl Page {
    pub fn new(font: &'static Font) -> Page {
        Page {
            font,
            content: String::new(),
            glyphs: BTreeMap::new(),
        }
    }

    pub fn font(&self) -> &'static Font {
        self.font
    }

    /// Any text, in the embedded font.
    pub fn text(&mut self, x: f32, y: f32, size: f32, text: &str) {
        let mut codes = String::with_capacity(text.len() * 4);
        for c in text.chars() {
            let glyph = self.font.glyph(c);
            self.glyphs.entry(glyph).or_insert(c);
            let _ = write!(codes, "{glyph:04X}");
        }
        let _ = writeln!(
            self.content,
            "BT /F3 {size:.1} Tf {x:.2} {y:.2} Td <{codes}> Tj ET"
        );
    }

    /// A thin horizontal rule.
    pub fn rule(&mut self, x: f32, y: f32, width: f32) {
        let _ = writeln!(
            self.content,
            "0.5 w {x:.2} {y:.2} m {:.2} {y:.2} l S",
            x + width
        );
    }
}

/// The document's metadata.
pub struct Info<'a> {
    pub title: &'a str,
    /// `D:YYYYMMDDHHmmSS+05'00'`
    pub created: String,
}

/// The whole file.
pub fn document(page: Page, info: Info<'_>) -> Vec<u8> {
    let font = page.font;
    let mut used: BTreeSet<u16> = page.glyphs.keys().copied().collect();
    used.insert(0);
    let subset = font.subset(&used);
    let font_name = format!("{}+DejaVuSans", subset_tag(&used));
    let scale = |units: i32| units * 1000 / i32::from(font.units_per_em);

    let mut pdf = Writer::new();
    pdf.object(1, b"<< /Type /Catalog /Pages 2 0 R >>");
    pdf.object(2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    pdf.object(
        3,
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] \
             /Resources << /Font << /F1 4 0 R /F2 5 0 R /F3 6 0 R >> >> /Contents 7 0 R >>"
        )
        .as_bytes(),
    );
    pdf.object(
        4,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    );
    pdf.object(
        5,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    );
    pdf.object(
        6,
        format!(
            "<< /Type /Font /Subtype /Type0 /BaseFont /{font_name} /Encoding /Identity-H \
             /DescendantFonts [8 0 R] /ToUnicode 9 0 R >>"
        )
        .as_bytes(),
    );
    pdf.stream(7, "", page.content.as_bytes());
    let widths: String = used
        .iter()
        .map(|g| format!("{g} [{}]", scale(i32::from(font.advance(*g)))))
        .collect::<Vec<_>>()
        .join(" ");
    pdf.object(
        8,
        format!(
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{font_name} \
             /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
             /FontDescriptor 10 0 R /DW 1000 /W [{widths}] /CIDToGIDMap /Identity >>"
        )
        .as_bytes(),
    );
    pdf.stream(9, "", to_unicode(&page.glyphs).as_bytes());
    let [x_min, y_min, x_max, y_max] = font.bbox.map(i32::from).map(scale);
    pdf.object(
        10,
        format!(
            "<< /Type /FontDescriptor /FontName /{font_name} /Flags 32 \
             /FontBBox [{x_min} {y_min} {x_max} {y_max}] /ItalicAngle 0 \
             /Ascent {} /Descent {} /CapHeight {} /StemV 80 /FontFile2 11 0 R >>",
            scale(i32::from(font.ascent)),
            scale(i32::from(font.descent)),
            scale(i32::from(font.ascent)),
        )
        .as_bytes(),
    );
    pdf.stream(11, &format!(" /Length1 {}", subset.len()), &subset);
    pdf.object(
        12,
        format!(
            "<< /Title {} /Producer (otinish-server) /CreationDate ({}) >>",
            text_string(info.title),
            info.created
        )
        .as_bytes(),
    );
    pdf.finish(1, 12)
}

/// Six capital letters that name the subset (ISO 32000-1 §9.6.4), the same for the same glyphs.
fn subset_tag(used: &BTreeSet<u16>) -> String {
    let mut hash: u32 = 2_166_136_261;
    for glyph in used {
        for byte in glyph.to_be_bytes() {
            hash = (hash ^ u32::from(byte)).wrapping_mul(16_777_619);
        }
    }
    (0..6)
        .map(|i| char::from(b'A' + ((hash >> (i * 5)) % 26) as u8))
        .collect()
}

/// The CMap from glyph ids back to text (ISO 32000-1 §9.10.3).
fn to_unicode(glyphs: &BTreeMap<u16, char>) -> String {
    // The missing glyph stands for many characters, so it maps to none.
    let pairs: Vec<(u16, String)> = glyphs
        .iter()
        .filter(|(glyph, _)| **glyph != 0)
        .map(|(glyph, c)| {
            let mut units = [0u16; 2];
            let hex = c
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            (*glyph, hex)
        })
        .collect();
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for chunk in pairs.chunks(100) {
        let _ = writeln!(cmap, "{} beginbfchar", chunk.len());
        for (glyph, hex) in chunk {
            let _ = writeln!(cmap, "<{glyph:04X}> <{hex}>");
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    cmap
}

/// A PDF text string: UTF-16BE with its byte order mark, in hex (ISO 32000-1 §7.9.2.2).
fn text_string(text: &str) -> String {
    let mut hex = String::from("<FEFF");
    for unit in text.encode_utf16() {
        let _ = write!(hex, "{unit:04X}");
    }
    hex.push('>');
    hex
}

/// Objects numbered from 1, each at a known byte offset for the cross-reference table.
struct Writer {
    bytes: Vec<u8>,
    offsets: Vec<usize>,
}

impl Writer {
    fn new() -> Writer {
        // The binary comment tells transfer tools the file is not text (ISO 32000-1 §7.5.2).
        let mut bytes = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
        bytes.reserve(64 * 1024);
        Writer {
            bytes,
            offsets: Vec::new(),
        }
    }

    fn begin(&mut self, number: usize) {
        debug_assert_eq!(number, self.offsets.len() + 1, "objects in order");
        self.offsets.push(self.bytes.len());
        self.bytes
            .extend_from_slice(format!("{number} 0 obj\n").as_bytes());
    }

    fn object(&mut self, number: usize, body: &[u8]) {
        self.begin(number);
        self.bytes.extend_from_slice(body);
        self.bytes.extend_from_slice(b"\nendobj\n");
    }

    fn stream(&mut self, number: usize, extra: &str, data: &[u8]) {
        self.begin(number);
        self.bytes
            .extend_from_slice(format!("<< /Length {}{extra} >>\nstream\n", data.len()).as_bytes());
        self.bytes.extend_from_slice(data);
        self.bytes.extend_from_slice(b"\nendstream\nendobj\n");
    }

    fn finish(mut self, root: usize, info: usize) -> Vec<u8> {
        let xref = self.bytes.len();
        let count = self.offsets.len() + 1;
        let mut table = format!("xref\n0 {count}\n0000000000 65535 f \n");
        for offset in &self.offsets {
            let _ = writeln!(table, "{offset:010} 00000 n ");
        }
        let _ = write!(
            table,
            "trailer\n<< /Size {count} /Root {root} 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n"
        );
        self.bytes.extend_from_slice(table.as_bytes());
        self.bytes
    }
}
